using System.Runtime.CompilerServices;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Retention;

/// <summary>The retention events the log lists.</summary>
public enum RetentionEvent { HoldPlaced, HoldLifted, Purged }

/// <summary>
/// Retention: every legal hold placed or lifted in the period, with its target, who and why, and every purge run with its time and,
/// for each kind of record, the retention days it applied and how many records it removed. Read from the audit chain, where each
/// was recorded as it happened (a purge run's counts included). In order of time; a purge run's kinds in the order it ran them.
/// </summary>
public sealed class RetentionLogSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public const string EventFilter = "retentionEvent";

    private static readonly Dictionary<RetentionEvent, string> ActionOf = new()
    {
        [RetentionEvent.HoldPlaced] = AuditActions.LegalHoldPlaced, [RetentionEvent.HoldLifted] = AuditActions.LegalHoldLifted,
        [RetentionEvent.Purged] = AuditActions.RetentionPurged,
    };

    public ExportKind Kind => ExportKind.RetentionLog;

    public string Article => "个人信息保护法第十九、四十七条 / PIPL Art. 19, 47";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("RetentionLog.At", ExportCellType.DateTime, 20),
        new("RetentionLog.Event", ExportCellType.Text, 16),
        new("RetentionLog.By", ExportCellType.Text, 22),
        new("RetentionLog.HoldId", ExportCellType.Code, 10),
        new("RetentionLog.Target", ExportCellType.Text, 18),
        new("RetentionLog.Reference", ExportCellType.Code, 24),
        new("RetentionLog.Reason", ExportCellType.Text, 40),
        new("RetentionLog.Days", ExportCellType.Integer, 10),
        new("RetentionLog.Removed", ExportCellType.Integer, 12),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<RetentionEvent>(EventFilter, "RetentionEvent")];

    public Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) =>
        AuditEventPages.CountAsync(contextFactory, request, Actions(request), cancellationToken);

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var actions = Actions(request);
        await foreach (var row in ExportPaging.ReadManyAsync((cursor, ct) => AuditEventPages.PageAsync(contextFactory, request, actions, cursor, ct),
                           AuditEventPages.CursorOf, Rows, cancellationToken))
        {
            yield return row;
        }
    }

    private static string[] Actions(ExportRequest request) =>
        ExportFilters.Value<RetentionEvent>(request, EventFilter) is { } only ? [ActionOf[only]] : [.. ActionOf.Values];

    /// <summary>A hold's one row, or a purge run's row per kind of record.</summary>
    private IEnumerable<object?[]> Rows(AuditEvent e)
    {
        using var details = JsonDocument.Parse(e.Details ?? "{}");
        var root = details.RootElement;
        var kind = ActionOf.Single(a => a.Value == e.Action).Key;
        var label = texts.Code(kind, "RetentionEvent");
        if (kind == RetentionEvent.Purged)
        {
            var days = AuditJson.Object(root, "Days");
            return AuditJson.Object(root, "Counts") is { } counts
                ? counts.EnumerateObject().Select(c => new object?[]
                {
                    e.OccurredAtUtc, label, e.ActorName, null, KindLabel(c.Name), null, null, days is { } d ? AuditJson.Number(d, c.Name) : null, c.Value.GetInt64(),
                }).ToList()
                : [];
        }
        var target = AuditJson.Enum<LegalHoldTarget>(root, "Target");
        return
        [
            [
                e.OccurredAtUtc, label, e.ActorName, e.TargetId, target is { } t ? texts.Code(t, "LegalHoldTarget") : null, AuditJson.Text(root, "TargetLabel"),
                AuditJson.Text(root, "Reason"), null, null,
            ],
        ];
    }

    private string KindLabel(string kind) =>
        Enum.TryParse<RetentionKind>(kind, out var known) ? texts.Code(known, "RetentionKind") : kind;
}
