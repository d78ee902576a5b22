using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>How long one row of the compliance summary covers: a China Standard Time day, week (from Monday) or month.</summary>
public enum SummaryBucket { Day, Week, Month }

/// <summary>What a row of the compliance summary counts.</summary>
public enum SummaryMeasure { Decisions, FlagsReceived, TimeLimitMet, TimeLimitMissed }

/// <summary>
/// Art. 10-12 at a glance, as one tidy table ready for a chart: per period bucket, decisions by content category and outcome, and
/// per flag source the flags received and how many were decided within their time limit or missed it. The database counts per China
/// Standard Time day (<see cref="ReviewAggregates"/>); the days are then folded into the bucket asked for. A snapshot as of the period's
/// end: categories as each decision recorded them, and a flag handled after the period ended counts as unhandled at its end, so a
/// closed period's summary never changes.
/// </summary>
public sealed class ComplianceSummarySource(IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock, ExportTexts texts) : IExportSource
{
    public ExportKind Kind => ExportKind.ComplianceSummary;

    public string Article => "第十条至第十二条 / Art. 10-12";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Summary.PeriodStart", ExportCellType.DateTime, 20),
        new("Summary.PeriodEnd", ExportCellType.DateTime, 20),
        new("Summary.Measure", ExportCellType.Text, 22),
        new("Review.Category", ExportCellType.Text, 24),
        new("Review.Outcome", ExportCellType.Text, 20),
        new("Summary.Source", ExportCellType.Text, 20),
        new("Summary.Count", ExportCellType.Integer, 10),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<SummaryBucket>(ReviewExportFilters.Bucket, "SummaryBucket")];

    public sealed record SummaryRow(DateTime PeriodStartUtc, DateTime PeriodEndUtc, SummaryMeasure Measure, SynthesisCategory? Category,
        DecisionOutcome? Outcome, FlagSource? Source, long Count);

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) => (await RowsAsync(request, cancellationToken)).Count;

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in await RowsAsync(request, cancellationToken))
        {
            yield return
            [
                row.PeriodStartUtc, row.PeriodEndUtc, texts.Code(row.Measure), row.Category is { } category ? texts.Code(category) : null,
                row.Outcome is { } outcome ? texts.Code(outcome, "ReviewOutcome") : null, row.Source is { } source ? texts.Code(source) : null, row.Count,
            ];
        }
    }

    /// <summary>The summary's rows, in period, measure, category, outcome and source order; only combinations that occurred.</summary>
    public async Task<IReadOnlyList<SummaryRow>> RowsAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var bucket = ExportFilters.Value<SummaryBucket>(request, ReviewExportFilters.Bucket) ?? SummaryBucket.Month;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var decisions = await ReviewAggregates.DecisionsByDayAsync(db, request.FromUtc, request.ToUtc, byCategory: true, cancellationToken);
        var limits = await ReviewAggregates.TimeLimitsByDayAsync(db, request.FromUtc, request.ToUtc, request.AsOf(clock), cancellationToken);
        var rows = new List<SummaryRow>();
        rows.AddRange(decisions.GroupBy(d => (Start: BucketStart(d.Day, bucket), d.Category, d.Outcome))
            .Select(g => Row(request, bucket, g.Key.Start, SummaryMeasure.Decisions, g.Key.Category, g.Key.Outcome, null, g.Sum(d => d.Count))));
        foreach (var group in limits.GroupBy(l => (Start: BucketStart(l.Day, bucket), l.Source)))
        {
            rows.Add(Row(request, bucket, group.Key.Start, SummaryMeasure.FlagsReceived, null, null, group.Key.Source, group.Sum(l => l.Received)));
            rows.Add(Row(request, bucket, group.Key.Start, SummaryMeasure.TimeLimitMet, null, null, group.Key.Source, group.Sum(l => l.Met)));
            rows.Add(Row(request, bucket, group.Key.Start, SummaryMeasure.TimeLimitMissed, null, null, group.Key.Source, group.Sum(l => l.Missed)));
        }
        return rows.OrderBy(r => r.PeriodStartUtc).ThenBy(r => r.Measure).ThenBy(r => r.Category).ThenBy(r => r.Outcome).ThenBy(r => r.Source).ToList();
    }

    public static DateOnly BucketStart(DateOnly day, SummaryBucket bucket) => bucket switch
    {
        SummaryBucket.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        SummaryBucket.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static DateOnly BucketEnd(DateOnly start, SummaryBucket bucket) => bucket switch
    {
        SummaryBucket.Week => start.AddDays(7),
        SummaryBucket.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    /// <summary>A bucket's bounds in UTC, cut to the period asked for (a month's first bucket may start mid-week).</summary>
    private static SummaryRow Row(ExportRequest request, SummaryBucket bucket, DateOnly start, SummaryMeasure measure, SynthesisCategory? category,
        DecisionOutcome? outcome, FlagSource? source, long count)
    {
        var from = ChinaTime.ToUtc(start.ToDateTime(TimeOnly.MinValue));
        var to = ChinaTime.ToUtc(BucketEnd(start, bucket).ToDateTime(TimeOnly.MinValue));
        return new SummaryRow(from < request.FromUtc ? request.FromUtc : from, to > request.ToUtc ? request.ToUtc : to, measure, category, outcome, source, count);
    }
}
