using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Art. 10: every decision taken in the period, in order of decision time, as it was recorded when it was made: the content's media type,
/// category, labels and GB 45438 fields and the flags it answered (never the item or case as they are today), its case and times, the
/// reason and its article, the outcome, the escalation it settles or the decision that settled it, and the measures and records it
/// carried. A snapshot as of the period's end: what happened later (an appeal's outcome, a sanction's lift, a Manager settling an
/// escalation) shows only when it happened before the period ended, so a closed period's register never changes.
/// </summary>
public sealed class ContentHandlingRecordsSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public ExportKind Kind => ExportKind.ContentHandlingRecords;

    public string Article => "第十条 / Art. 10";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Review.DecisionId", ExportCellType.Code, 12),
        .. DecisionTimes.Columns,
        new("Review.ContentId", ExportCellType.Code, 28),
        new("Review.AuthorId", ExportCellType.Code, 20),
        new("Review.MediaType", ExportCellType.Text, 14),
        new("Review.Category", ExportCellType.Text, 24),
        new("Review.ExplicitLabel", ExportCellType.Text, 14),
        new("Review.ImplicitLabel", ExportCellType.Text, 14),
        new("Review.AigcLabel", ExportCellType.Text, 18),
        new("Review.ContentProducer", ExportCellType.Code, 20),
        new("Review.ProduceId", ExportCellType.Code, 20),
        new("Review.ContentPropagator", ExportCellType.Code, 20),
        new("Review.PropagateId", ExportCellType.Code, 20),
        new("Review.ReservedCode1", ExportCellType.Code, 14),
        new("Review.ReservedCode2", ExportCellType.Code, 14),
        new("Review.FlagSources", ExportCellType.Text, 30),
        new("Review.Flags", ExportCellType.Text, 60),
        new("Review.ReasonCode", ExportCellType.Code, 22),
        new("Review.Article", ExportCellType.Code, 10),
        new("Review.Outcome", ExportCellType.Text, 20),
        new("Review.Note", ExportCellType.Text, 40),
        new("Review.DecidedBy", ExportCellType.Text, 18),
        new("Review.FollowsDecision", ExportCellType.Code, 12),
        new("Review.SettledBy", ExportCellType.Code, 12),
        new("Handling.Sanctions", ExportCellType.Text, 40),
        new("Handling.RegulatorReports", ExportCellType.Text, 30),
        new("Handling.RumourRefutations", ExportCellType.Text, 30),
        new("Review.AppealOutcome", ExportCellType.Text, 20),
        new("Review.AppealDecidedAt", ExportCellType.DateTime, 20),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } =
    [
        ExportFilters.Of<DecisionOutcome>(ReviewExportFilters.Outcome, "ReviewOutcome"),
        ExportFilters.Of<SynthesisCategory>(ReviewExportFilters.Category, "SynthesisCategory"),
        ExportFilters.Of<FlagSource>(ReviewExportFilters.Source, "FlagSource"),
    ];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Decided(db, request, request.FromUtc).LongCountAsync(cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, CancellationToken cancellationToken) =>
        ExportPaging.ReadAsync((cursor, ct) => PageAsync(request, cursor, ct), row => new ExportCursor(row.D.DecidedAtUtc, row.D.Id), Cells, cancellationToken);

    private sealed record DecisionRow(Decision D, string ContentId, string AuthorId)
    {
        public DecisionTimes? Times { get; set; }
        public string Flags { get; set; } = "";
        public long? SettledBy { get; set; }
        public string Sanctions { get; set; } = "";
        public string Reports { get; set; } = "";
        public string Refutations { get; set; } = "";
        public AppealOutcome? AppealOutcome { get; set; }
        public DateTime? AppealDecidedAtUtc { get; set; }
    }

    private static IQueryable<Decision> Decided(AppDbContext db, ExportRequest request, DateTime from)
    {
        var decisions = db.Decisions.AsNoTracking().Where(d => d.DecidedAtUtc >= from && d.DecidedAtUtc < request.ToUtc);
        if (ExportFilters.Value<DecisionOutcome>(request, ReviewExportFilters.Outcome) is { } outcome) decisions = decisions.Where(d => d.Outcome == outcome);
        if (ExportFilters.Value<SynthesisCategory>(request, ReviewExportFilters.Category) is { } category) decisions = decisions.Where(d => d.Category == category);
        if (ExportFilters.Value<FlagSource>(request, ReviewExportFilters.Source) is { } source)
        {
            var bit = ReviewSources.Bit(source);
            decisions = decisions.Where(d => (d.SourceMask & bit) != 0);
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
            .Join(db.ReviewCases, d => d.ReviewCaseId, c => c.Id, (d, c) => new DecisionRow(d, c.ContentItem.ExternalId, c.ContentItem.Author.ExternalId))
            .ToListAsync(cancellationToken);
        // Joining after Take keeps SQLite's walk on the decisions' time index; the join reorders nothing it needs.
        rows = [.. rows.OrderBy(r => r.D.DecidedAtUtc).ThenBy(r => r.D.Id)];
        await AddRecordsAsync(db, rows, request.ToUtc, cancellationToken);
        return rows;
    }

    /// <summary>What the page's decisions answered and carried, and what followed them before <paramref name="periodEndUtc"/>: one lookup each by the decisions' ids.</summary>
    private async Task AddRecordsAsync(AppDbContext db, List<DecisionRow> rows, DateTime periodEndUtc, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var ids = rows.Select(r => r.D.Id).ToList();
        var byId = rows.ToDictionary(r => r.D.Id);
        var times = await DecisionTimes.ForAsync(db, ids, cancellationToken);
        foreach (var row in rows) row.Times = times.GetValueOrDefault(row.D.Id);
        var flags = await db.DecisionFlags.AsNoTracking().Where(f => ids.Contains(f.DecisionId)).OrderBy(f => f.ReceivedAtUtc).ThenBy(f => f.FlagId)
            .Select(f => new { f.DecisionId, f.Source, f.ReceivedAtUtc, f.DueAtUtc }).ToListAsync(cancellationToken);
        foreach (var group in flags.GroupBy(f => f.DecisionId))
        {
            byId[group.Key].Flags = string.Join("\n", group.Select(f =>
                $"{texts.Code(f.Source)} {ChinaTime.Format(f.ReceivedAtUtc)} → {ChinaTime.Format(f.DueAtUtc)}"));
        }
        var settled = await db.Decisions.AsNoTracking().Where(d => d.FollowsDecisionId != null && ids.Contains(d.FollowsDecisionId.Value) && d.DecidedAtUtc < periodEndUtc)
            .Select(d => new { Escalation = d.FollowsDecisionId!.Value, d.Id }).ToListAsync(cancellationToken);
        foreach (var s in settled) byId[s.Escalation].SettledBy = s.Id;
        var sanctions = await db.Sanctions.AsNoTracking().Where(s => s.DecisionId != null && ids.Contains(s.DecisionId.Value) && s.ImposedAtUtc < periodEndUtc)
            .OrderBy(s => s.Id).Select(s => new { DecisionId = s.DecisionId!.Value, s.Kind, s.StartsAtUtc, s.EndsAtUtc, s.LiftedAtUtc }).ToListAsync(cancellationToken);
        foreach (var group in sanctions.GroupBy(s => s.DecisionId))
        {
            byId[group.Key].Sanctions = string.Join("; ", group.Select(s => SanctionText(s.Kind, s.StartsAtUtc, s.EndsAtUtc,
                s.LiftedAtUtc < periodEndUtc ? s.LiftedAtUtc : null)));
        }
        var reports = await db.RegulatorReports.AsNoTracking().Where(r => ids.Contains(r.DecisionId) && r.RecordedAtUtc < periodEndUtc).OrderBy(r => r.Id)
            .Select(r => new { r.DecisionId, r.Authority, r.Reference, r.ReportedAtUtc }).ToListAsync(cancellationToken);
        foreach (var group in reports.GroupBy(r => r.DecisionId))
        {
            byId[group.Key].Reports = string.Join("; ", group.Select(r => $"{r.Authority} {r.Reference} {ChinaTime.Format(r.ReportedAtUtc)}"));
        }
        var refutations = await db.RumourRefutations.AsNoTracking().Where(r => ids.Contains(r.DecisionId) && r.RecordedAtUtc < periodEndUtc).OrderBy(r => r.Id)
            .Select(r => new { r.DecisionId, r.PublishedWhere, r.PublishedAtUtc }).ToListAsync(cancellationToken);
        foreach (var group in refutations.GroupBy(r => r.DecisionId))
        {
            byId[group.Key].Refutations = string.Join("; ", group.Select(r => $"{r.PublishedWhere} {ChinaTime.Format(r.PublishedAtUtc)}"));
        }
        var appeals = await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.DecisionId) && a.DecidedAtUtc < periodEndUtc)
            .Select(a => new { a.DecisionId, a.Outcome, a.DecidedAtUtc }).ToListAsync(cancellationToken);
        foreach (var a in appeals) (byId[a.DecisionId].AppealOutcome, byId[a.DecisionId].AppealDecidedAtUtc) = (a.Outcome, a.DecidedAtUtc);
    }

    /// <summary>"Kind start – end", and when it was lifted (by the period's end).</summary>
    private string SanctionText(SanctionKind kind, DateTime startsAtUtc, DateTime? endsAtUtc, DateTime? liftedAtUtc)
    {
        var text = $"{texts.Code(kind)} {ChinaTime.Format(startsAtUtc)} – {(endsAtUtc is { } end ? ChinaTime.Format(end) : "")}".TrimEnd(' ', '–');
        return liftedAtUtc is { } lifted ? $"{text} ({texts.Bilingual("ExportValue.LiftedAt", ChinaTime.Format(lifted))})" : text;
    }

    private object?[] Cells(DecisionRow row)
    {
        var d = row.D;
        return
        [
            d.Id.ToString(), .. DecisionTimes.Cells(row.Times, texts), row.ContentId, row.AuthorId, texts.Code(d.MediaType), texts.Code(d.Category),
            texts.Code(d.ExplicitLabel, "LabelStatus"), texts.Code(d.ImplicitLabel, "LabelStatus"), d.AigcLabel is { } aigc ? texts.Code(aigc) : null,
            d.ContentProducer, d.ProduceId, d.ContentPropagator, d.PropagateId, d.ReservedCode1, d.ReservedCode2,
            ExportPaging.Blank(string.Join("; ", ReviewSources.In(d.SourceMask).Select(s => texts.Code(s)))), ExportPaging.Blank(row.Flags),
            d.ReasonCode, ReviewReasonCodes.Find(d.ReasonCode)?.Article, texts.Code(d.Outcome, "ReviewOutcome"), d.Note, d.DecidedByName,
            d.FollowsDecisionId?.ToString(), row.SettledBy?.ToString(),
            ExportPaging.Blank(row.Sanctions), ExportPaging.Blank(row.Reports), ExportPaging.Blank(row.Refutations),
            row.AppealOutcome is { } outcome ? texts.Code(outcome) : null, row.AppealDecidedAtUtc,
        ];
    }
}
