using System.Runtime.CompilerServices;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

/// <summary>Whether a save of an algorithm filing recorded it for the first time or changed it.</summary>
public enum FilingChange { Recorded, Changed }

/// <summary>
/// Art. 19: the history of the algorithm filings in the compliance registry. Every save in the period with who and when and the
/// filing as it was after the save (number, algorithm, role, filed on, status, where the number is shown), read from the audit
/// chain, which kept each save as it was made. In order of time.
/// </summary>
public sealed class FilingHistorySource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public const string StatusFilter = "filingStatus";
    private static readonly string[] Actions = [AuditActions.FilingSaved];

    public ExportKind Kind => ExportKind.FilingHistory;

    public string Article => "第十九条 / Art. 19";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("FilingChange.At", ExportCellType.DateTime, 20),
        new("FilingChange.By", ExportCellType.Text, 22),
        new("FilingChange.Change", ExportCellType.Text, 14),
        new("Filing.Id", ExportCellType.Code, 10),
        new("Filing.Number", ExportCellType.Code, 34),
        new("Filing.AlgorithmName", ExportCellType.Text, 28),
        new("Filing.Role", ExportCellType.Text, 20),
        new("Filing.FiledOn", ExportCellType.Code, 12),
        new("Filing.Status", ExportCellType.Text, 14),
        new("Filing.DisplayedAt", ExportCellType.Text, 30),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<FilingStatus>(StatusFilter, "FilingStatus")];

    public Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) => AuditEventPages.CountAsync(contextFactory, request, Actions, cancellationToken);

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var only = ExportFilters.Value<FilingStatus>(request, StatusFilter);
        await foreach (var cells in ExportPaging.ReadManyAsync((cursor, ct) => PageAsync(request, cursor, ct), row => AuditEventPages.CursorOf(row.Event),
                           row => Cells(row, only), cancellationToken))
        {
            yield return cells;
        }
    }

    private sealed record FilingSave(AuditEvent Event, bool First);

    private async Task<IReadOnlyList<FilingSave>> PageAsync(ExportRequest request, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        var events = await AuditEventPages.PageAsync(contextFactory, request, Actions, cursor, cancellationToken);
        var targets = events.Select(e => e.TargetId).Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var firstSaves = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.FilingSaved && targets.Contains(e.TargetId))
            .GroupBy(e => e.TargetId).Select(g => g.Min(e => e.Sequence)).ToListAsync(cancellationToken);
        return [.. events.Select(e => new FilingSave(e, firstSaves.Contains(e.Sequence)))];
    }

    private IEnumerable<object?[]> Cells(FilingSave save, FilingStatus? only)
    {
        using var details = JsonDocument.Parse(save.Event.Details ?? "{}");
        var filing = details.RootElement;
        var status = AuditJson.Enum<FilingStatus>(filing, "Status");
        if (only is not null && only != status) return [];
        return
        [
            [
                save.Event.OccurredAtUtc, save.Event.ActorName, texts.Code(save.First ? FilingChange.Recorded : FilingChange.Changed, "FilingChange"), save.Event.TargetId,
                AuditJson.Text(filing, "FilingNumber"), AuditJson.Text(filing, "AlgorithmName"),
                AuditJson.Enum<FilingRole>(filing, "Role") is { } role ? texts.Code(role, "FilingRole") : null, AuditJson.Text(filing, "FiledOn"),
                status is { } s ? texts.Code(s, "FilingStatus") : null, AuditJson.Text(filing, "DisplayedAt"),
            ],
        ];
    }
}
