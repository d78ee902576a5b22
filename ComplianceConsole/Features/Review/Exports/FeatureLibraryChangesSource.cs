using System.Runtime.CompilerServices;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>What one change did to a feature-library rule, as the change log names it.</summary>
public enum FeatureRuleChange { Created, Edited, Disabled, Enabled, Imported }

/// <summary>
/// Art. 10: the feature library's change log. Every rule saved in the period (created, edited, disabled, enabled) with who and when
/// and the rule as it was after the change, and every keyword import with its file and the number of rules it added; read from the
/// audit chain, which kept each change as it was made. In order of time.
/// </summary>
public sealed class FeatureLibraryChangesSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public const string ChangeFilter = "ruleChange";
    private static readonly string[] Actions = [AuditActions.FeatureRuleSaved, AuditActions.FeatureRulesImported];

    public ExportKind Kind => ExportKind.FeatureLibraryChanges;

    public string Article => "第十条 / Art. 10";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("RuleChange.At", ExportCellType.DateTime, 20),
        new("RuleChange.By", ExportCellType.Text, 22),
        new("RuleChange.Change", ExportCellType.Text, 14),
        new("RuleChange.RuleId", ExportCellType.Code, 10),
        new("RuleChange.Kind", ExportCellType.Text, 16),
        new("RuleChange.Value", ExportCellType.Code, 36),
        new("Review.ReasonCode", ExportCellType.Code, 20),
        new("RuleChange.Enabled", ExportCellType.Text, 10),
        new("RuleChange.Note", ExportCellType.Text, 30),
        new("RuleChange.Added", ExportCellType.Integer, 10),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<FeatureRuleChange>(ChangeFilter, "FeatureRuleChange")];

    public Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) => AuditEventPages.CountAsync(contextFactory, request, Actions, cancellationToken);

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var only = ExportFilters.Value<FeatureRuleChange>(request, ChangeFilter);
        await foreach (var cells in ExportPaging.ReadManyAsync((cursor, ct) => AuditEventPages.PageAsync(contextFactory, request, Actions, cursor, ct),
                           AuditEventPages.CursorOf, e => Cells(e, only), cancellationToken))
        {
            yield return cells;
        }
    }

    /// <summary>The row of one event, or none when the filter leaves it out.</summary>
    private IEnumerable<object?[]> Cells(AuditEvent e, FeatureRuleChange? only)
    {
        using var details = JsonDocument.Parse(e.Details ?? "{}");
        var root = details.RootElement;
        if (e.Action == AuditActions.FeatureRulesImported)
        {
            if (only is not null and not FeatureRuleChange.Imported) return [];
            return
            [
                [
                    e.OccurredAtUtc, e.ActorName, texts.Code(FeatureRuleChange.Imported, "FeatureRuleChange"), null, null, AuditJson.Text(root, "file"), null, null, null,
                    AuditJson.Number(root, "added"),
                ],
            ];
        }
        var after = root.GetProperty("after");
        var change = ChangeOf(AuditJson.Object(root, "before"), after);
        if (only is not null && only != change) return [];
        return
        [
            [
                e.OccurredAtUtc, e.ActorName, texts.Code(change, "FeatureRuleChange"), e.TargetId,
                AuditJson.Enum<FeatureRuleKind>(after, "Kind") is { } kind ? texts.Code(kind, "FeatureRuleKind") : null, AuditJson.Text(after, "Value"),
                AuditJson.Text(after, "ReasonCode"), texts.Bilingual(after.GetProperty("Enabled").GetBoolean() ? "Common.Yes" : "Common.No"), AuditJson.Text(after, "Note"), null,
            ],
        ];
    }

    private static FeatureRuleChange ChangeOf(JsonElement? before, JsonElement after)
    {
        if (before is not { } was) return FeatureRuleChange.Created;
        var (wasEnabled, isEnabled) = (was.GetProperty("Enabled").GetBoolean(), after.GetProperty("Enabled").GetBoolean());
        return wasEnabled == isEnabled ? FeatureRuleChange.Edited : isEnabled ? FeatureRuleChange.Enabled : FeatureRuleChange.Disabled;
    }
}
