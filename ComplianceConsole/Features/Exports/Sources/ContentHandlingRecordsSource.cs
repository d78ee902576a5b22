using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Sources;

/// <summary>
/// Art. 10: every decision taken in the period, with the content and its author, the labels found, what flagged it, the reason
/// and its article, the outcome, and the measures and records the decision carried. In order of decision time.
/// </summary>
public sealed class ContentHandlingRecordsSource(IDbContextFactory<AppDbContext> contextFactory) : IExportSource
{
    public ExportKind Kind => ExportKind.ContentHandlingRecords;

    public string Article => "第十条 / Art. 10";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Review.DecisionId", ExportCellType.Code, 12),
        new("Review.DecidedAt", ExportCellType.DateTime, 20),
        new("Review.ContentId", ExportCellType.Code, 28),
        new("Review.AuthorId", ExportCellType.Code, 20),
        new("Review.MediaType", ExportCellType.Code, 12),
        new("Review.Category", ExportCellType.Code, 20),
        new("Review.ExplicitLabel", ExportCellType.Code, 12),
        new("Review.ImplicitLabel", ExportCellType.Code, 12),
        new("Review.FlagSources", ExportCellType.Code, 30),
        new("Review.ReasonCode", ExportCellType.Code, 22),
        new("Review.Article", ExportCellType.Code, 10),
        new("Review.Outcome", ExportCellType.Code, 20),
        new("Review.Note", ExportCellType.Text, 40),
        new("Review.DecidedBy", ExportCellType.Text, 18),
        new("Handling.Sanctions", ExportCellType.Text, 40),
        new("Handling.RegulatorReports", ExportCellType.Text, 30),
        new("Handling.RumourRefutations", ExportCellType.Text, 30),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } =
    [
        ExportFilters.Of<DecisionOutcome>(ExportFilters.Outcome, "ReviewOutcome"),
        ExportFilters.Of<SynthesisCategory>(ExportFilters.Category, "SynthesisCategory"),
        ExportFilters.Of<FlagSource>(ExportFilters.Source, "FlagSource"),
    ];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Decided(db, request, request.FromUtc).LongCountAsync(cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, CancellationToken cancellationToken) =>
        ExportPaging.ReadAsync((cursor, ct) => PageAsync(request, cursor, ct), row => new ExportCursor(row.DecidedAtUtc, row.Id), Cells, cancellationToken);

    private sealed record DecisionRow(long Id, DateTime DecidedAtUtc, string ContentId, string AuthorId, MediaType MediaType, SynthesisCategory Category,
        LabelStatus ExplicitLabel, LabelStatus ImplicitLabel, int SourceMask, string ReasonCode, DecisionOutcome Outcome, string? Note, string DecidedBy)
    {
        public string Sanctions { get; set; } = "";
        public string Reports { get; set; } = "";
        public string Refutations { get; set; } = "";
    }

    private static IQueryable<Decision> Decided(AppDbContext db, ExportRequest request, DateTime from)
    {
        var decisions = db.Decisions.AsNoTracking().Where(d => d.DecidedAtUtc >= from && d.DecidedAtUtc < request.ToUtc);
        if (ExportFilters.Value<DecisionOutcome>(request, ExportFilters.Outcome) is { } outcome) decisions = decisions.Where(d => d.Outcome == outcome);
        if (ExportFilters.Value<SynthesisCategory>(request, ExportFilters.Category) is { } category)
        {
            decisions = decisions.Where(d => db.ReviewCases.Any(c => c.Id == d.ReviewCaseId && c.Category == category));
        }
        if (ExportFilters.Value<FlagSource>(request, ExportFilters.Source) is { } source)
        {
            var bit = ReviewSources.Bit(source);
            decisions = decisions.Where(d => db.ReviewCases.Any(c => c.Id == d.ReviewCaseId && (c.SourceMask & bit) != 0));
        }
        return decisions;
    }

    private async Task<IReadOnlyList<DecisionRow>> PageAsync(ExportRequest request, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var decisions = Decided(db, request, ExportPaging.Start(request, cursor));
        if (cursor is not null)
        {
            decisions = decisions.Where(d => d.DecidedAtUtc > cursor.At || d.Id > cursor.Id);
        }
        var rows = await decisions.OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.Id).Take(ExportPaging.PageSize)
            .Join(db.ReviewCases, d => d.ReviewCaseId, c => c.Id, (d, c) => new DecisionRow(d.Id, d.DecidedAtUtc, c.ContentItem.ExternalId,
                c.ContentItem.Author.ExternalId, c.ContentItem.MediaType, c.Category, c.ContentItem.ExplicitLabel, c.ContentItem.ImplicitLabel, c.SourceMask,
                d.ReasonCode, d.Outcome, d.Note, d.DecidedByName))
            .ToListAsync(cancellationToken);
        // Joining after Take keeps SQLite's walk on the decisions' time index; the join reorders nothing it needs.
        rows = [.. rows.OrderBy(r => r.DecidedAtUtc).ThenBy(r => r.Id)];
        await AddRecordsAsync(db, rows, cancellationToken);
        return rows;
    }

    /// <summary>The sanctions, regulator reports and refutations of the page's decisions: one lookup each by the decisions' ids.</summary>
    private static async Task AddRecordsAsync(AppDbContext db, List<DecisionRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var ids = rows.Select(r => r.Id).ToList();
        var byId = rows.ToDictionary(r => r.Id);
        var sanctions = await db.Sanctions.AsNoTracking().Where(s => s.DecisionId != null && ids.Contains(s.DecisionId.Value)).OrderBy(s => s.Id)
            .Select(s => new { DecisionId = s.DecisionId!.Value, s.Kind, s.StartsAtUtc, s.EndsAtUtc }).ToListAsync(cancellationToken);
        foreach (var group in sanctions.GroupBy(s => s.DecisionId))
        {
            byId[group.Key].Sanctions = string.Join("; ", group.Select(s => $"{s.Kind} {ChinaTime.Format(s.StartsAtUtc)} – {(s.EndsAtUtc is { } end ? ChinaTime.Format(end) : "")}".TrimEnd(' ', '–')));
        }
        var reports = await db.RegulatorReports.AsNoTracking().Where(r => ids.Contains(r.DecisionId)).OrderBy(r => r.Id)
            .Select(r => new { r.DecisionId, r.Authority, r.Reference }).ToListAsync(cancellationToken);
        foreach (var group in reports.GroupBy(r => r.DecisionId)) byId[group.Key].Reports = string.Join("; ", group.Select(r => $"{r.Authority} {r.Reference}"));
        var refutations = await db.RumourRefutations.AsNoTracking().Where(r => ids.Contains(r.DecisionId)).OrderBy(r => r.Id)
            .Select(r => new { r.DecisionId, r.PublishedWhere, r.PublishedAtUtc }).ToListAsync(cancellationToken);
        foreach (var group in refutations.GroupBy(r => r.DecisionId))
        {
            byId[group.Key].Refutations = string.Join("; ", group.Select(r => $"{r.PublishedWhere} {ChinaTime.Format(r.PublishedAtUtc)}"));
        }
    }

    private static object?[] Cells(DecisionRow row) =>
    [
        row.Id.ToString(), row.DecidedAtUtc, row.ContentId, row.AuthorId, row.MediaType.ToString(), row.Category.ToString(),
        row.ExplicitLabel.ToString(), row.ImplicitLabel.ToString(), string.Join(", ", ReviewSources.In(row.SourceMask)), row.ReasonCode,
        ReviewReasonCodes.Find(row.ReasonCode)?.Article, row.Outcome.ToString(), row.Note, row.DecidedBy,
        ExportPaging.Blank(row.Sanctions), ExportPaging.Blank(row.Reports), ExportPaging.Blank(row.Refutations),
    ];
}
