using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Art. 10-12: every notice a regulator sent in the period (flags raised as <see cref="FlagSource.RegulatorNotice"/>), with its
/// reference, when it came and was due, when it was handled and whether that was within the time limit, as things stood at the end
/// of the period. In order of receipt.
/// </summary>
public sealed class RegulatorNoticesSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts, TimeProvider clock) : IExportSource
{
    public const string TimeLimitFilter = "timeLimit";

    public ExportKind Kind => ExportKind.RegulatorNotices;

    public string Article => "第十、十一、十二条 / Art. 10, 11, 12";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Notice.FlagId", ExportCellType.Code, 12),
        new("Notice.CaseNumber", ExportCellType.Code, 12),
        new("Review.ContentId", ExportCellType.Code, 28),
        new("Notice.Reference", ExportCellType.Code, 28),
        new("Notice.RaisedBy", ExportCellType.Text, 22),
        new("Notice.ReceivedAt", ExportCellType.DateTime, 20),
        new("Notice.DueAt", ExportCellType.DateTime, 20),
        new("Notice.HandledAt", ExportCellType.DateTime, 20),
        new("Notice.WithinLimit", ExportCellType.Text, 10),
        new("Review.ReasonCode", ExportCellType.Code, 20),
        new("Notice.Text", ExportCellType.Text, 50),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<ComplaintTimeLimitResult>(TimeLimitFilter, "ComplaintTimeLimit")];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Received(db, request, request.FromUtc, request.AsOf(clock)).LongCountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var asOf = request.AsOf(clock);
        await foreach (var cells in ExportPaging.ReadAsync((cursor, ct) => PageAsync(request, asOf, cursor, ct), row => new ExportCursor(row.ReceivedAtUtc, row.Id),
                           row => Cells(row, asOf), cancellationToken))
        {
            yield return cells;
        }
    }

    private sealed record NoticeRow(long Id, long CaseId, string ContentId, string? Reference, string RaisedBy, DateTime ReceivedAtUtc, DateTime DueAtUtc,
        DateTime? HandledAtUtc, string? ReasonCode, string? Text);

    private static IQueryable<Flag> Received(AppDbContext db, ExportRequest request, DateTime from, DateTime asOf)
    {
        var notices = db.Flags.AsNoTracking()
            .Where(f => f.Source == FlagSource.RegulatorNotice && f.ReceivedAtUtc >= from && f.ReceivedAtUtc < request.ToUtc);
        return ExportFilters.Value<ComplaintTimeLimitResult>(request, TimeLimitFilter) switch
        {
            ComplaintTimeLimitResult.Within => notices.Where(f => f.HandledAtUtc < asOf && f.HandledAtUtc <= f.DueAtUtc),
            ComplaintTimeLimitResult.Late => notices.Where(f => f.HandledAtUtc < asOf && f.HandledAtUtc > f.DueAtUtc),
            ComplaintTimeLimitResult.Overdue => notices.Where(f => (f.HandledAtUtc == null || f.HandledAtUtc >= asOf) && f.DueAtUtc < asOf),
            ComplaintTimeLimitResult.Open => notices.Where(f => (f.HandledAtUtc == null || f.HandledAtUtc >= asOf) && f.DueAtUtc >= asOf),
            _ => notices,
        };
    }

    private async Task<IReadOnlyList<NoticeRow>> PageAsync(ExportRequest request, DateTime asOf, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var notices = Received(db, request, ExportPaging.Start(request, cursor), asOf);
        if (cursor is not null) notices = notices.Where(f => f.ReceivedAtUtc > cursor.At || f.Id > cursor.Id);
        var rows = await notices.OrderBy(f => f.ReceivedAtUtc).ThenBy(f => f.Id).Take(ExportPaging.PageSize)
            .Join(db.ContentItems, f => f.ContentItemId, i => i.Id, (f, i) => new NoticeRow(f.Id, f.ReviewCaseId, i.ExternalId, f.ExternalId, f.RaisedBy,
                f.ReceivedAtUtc, f.DueAtUtc, f.HandledAtUtc, f.ReasonCode, f.ReasonText))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)];
    }

    private object?[] Cells(NoticeRow row, DateTime asOf) =>
    [
        ExportIds.Of(row.Id), ExportIds.Of(row.CaseId), row.ContentId, row.Reference, row.RaisedBy, row.ReceivedAtUtc, row.DueAtUtc, TimeLimitStanding.Seen(row.HandledAtUtc, asOf),
        TimeLimitStanding.WithinLimit(texts, TimeLimitStanding.Of(row.DueAtUtc, row.HandledAtUtc, asOf)), row.ReasonCode, row.Text,
    ];
}
