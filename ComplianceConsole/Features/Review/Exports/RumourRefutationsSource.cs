using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Art. 11: every refutation published in the period: the false claim, the refuting statement, where and when it was published,
/// and the decision (its case and times, the content's category as it was decided) and content it answered. In order of publication.
/// A snapshot as of the period's end: a refutation recorded after the period ended is left out even when it names an earlier
/// publication time, so a closed period's register never changes.
/// </summary>
public sealed class RumourRefutationsSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public ExportKind Kind => ExportKind.RumourRefutations;

    public string Article => "第十一条 / Art. 11";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Refutation.Id", ExportCellType.Code, 12),
        new("Refutation.PublishedAt", ExportCellType.DateTime, 20),
        new("Refutation.PublishedWhere", ExportCellType.Text, 36),
        new("Refutation.FalseClaim", ExportCellType.Text, 40),
        new("Refutation.Statement", ExportCellType.Text, 50),
        new("Review.ContentId", ExportCellType.Code, 28),
        new("Review.AuthorId", ExportCellType.Code, 20),
        new("Review.Category", ExportCellType.Text, 24),
        new("Review.DecisionId", ExportCellType.Code, 12),
        .. DecisionTimes.Columns,
        new("Review.Outcome", ExportCellType.Text, 20),
        new("Review.ReasonCode", ExportCellType.Code, 22),
        new("Review.Article", ExportCellType.Code, 10),
        new("Review.DecidedBy", ExportCellType.Text, 18),
        new("Refutation.RecordedAt", ExportCellType.DateTime, 20),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<SynthesisCategory>(ReviewExportFilters.Category, "SynthesisCategory")];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Published(db, request, request.FromUtc).LongCountAsync(cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, CancellationToken cancellationToken) =>
        ExportPaging.ReadAsync((cursor, ct) => PageAsync(request, cursor, ct), row => new ExportCursor(row.PublishedAtUtc, row.Id), Cells, cancellationToken);

    private sealed record RefutationRow(long Id, DateTime PublishedAtUtc, string PublishedWhere, string FalseClaim, string Statement, string ContentId,
        string AuthorId, SynthesisCategory Category, long DecisionId, DecisionOutcome Outcome, string ReasonCode, string DecidedBy, DateTime RecordedAtUtc)
    {
        public DecisionTimes? Times { get; set; }
    }

    private static IQueryable<RumourRefutation> Published(AppDbContext db, ExportRequest request, DateTime from)
    {
        var refutations = db.RumourRefutations.AsNoTracking()
            .Where(r => r.PublishedAtUtc >= from && r.PublishedAtUtc < request.ToUtc && r.RecordedAtUtc < request.ToUtc);
        return ExportFilters.Value<SynthesisCategory>(request, ReviewExportFilters.Category) is { } category
            ? refutations.Where(r => db.Decisions.Any(d => d.Id == r.DecisionId && d.Category == category))
            : refutations;
    }

    private async Task<IReadOnlyList<RefutationRow>> PageAsync(ExportRequest request, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var refutations = Published(db, request, ExportPaging.Start(request, cursor));
        if (cursor is not null)
        {
            refutations = refutations.Where(r => r.PublishedAtUtc > cursor.At || r.Id > cursor.Id);
        }
        var rows = await refutations.OrderBy(r => r.PublishedAtUtc).ThenBy(r => r.Id).Take(ExportPaging.PageSize)
            .Join(db.Decisions, r => r.DecisionId, d => d.Id, (r, d) => new { r, d })
            .Join(db.ReviewCases, x => x.r.ReviewCaseId, c => c.Id, (x, c) => new RefutationRow(x.r.Id, x.r.PublishedAtUtc, x.r.PublishedWhere, x.r.FalseClaim,
                x.r.RefutingStatement, c.ContentItem.ExternalId, c.ContentItem.Author.ExternalId, x.d.Category, x.d.Id, x.d.Outcome, x.d.ReasonCode,
                x.d.DecidedByName, x.r.RecordedAtUtc))
            .ToListAsync(cancellationToken);
        var times = await DecisionTimes.ForAsync(db, rows.Select(r => r.DecisionId), cancellationToken);
        foreach (var row in rows) row.Times = times.GetValueOrDefault(row.DecisionId);
        return [.. rows.OrderBy(r => r.PublishedAtUtc).ThenBy(r => r.Id)];
    }

    private object?[] Cells(RefutationRow row) =>
    [
        row.Id.ToString(), row.PublishedAtUtc, row.PublishedWhere, row.FalseClaim, row.Statement, row.ContentId, row.AuthorId, texts.Code(row.Category),
        row.DecisionId.ToString(), .. DecisionTimes.Cells(row.Times, texts), texts.Code(row.Outcome, "ReviewOutcome"), row.ReasonCode,
        ReviewReasonCodes.Find(row.ReasonCode)?.Article, row.DecidedBy, row.RecordedAtUtc,
    ];
}
