using ComplianceConsole.Data;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// The verification figures of the dashboard, read from the <see cref="VerificationDayCounts"/> (a row per status and day) instead of
/// counting the records: only the days an age boundary falls in are counted from the rows, a day's pending records at most.
/// </summary>
internal sealed class VerificationDashboardTileSource(IDbContextFactory<AppDbContext> contextFactory) : IDashboardTileSource
{
    private static readonly string Pending = VerificationStatus.Pending.ToString();

    public async Task<IDashboardTileSet> GetAsync(DashboardPeriod period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = db.DayCounts.AsNoTracking().Where(c => c.Kind == VerificationDayCounts.Kind);
        return new VerificationDashboardFigures(period, nowUtc, await PendingAsync(db, counts, nowUtc, cancellationToken),
            await DecisionsAsync(counts, period, cancellationToken));
    }

    /// <summary>
    /// Pending records by how long they have waited: a submission day's count goes whole to its age bucket, except on the (at most
    /// three) days a boundary falls in, whose records on its older side are counted on the (Status, SubmittedAtUtc) index.
    /// </summary>
    private static async Task<PendingVerifications> PendingAsync(AppDbContext db, IQueryable<DayCount> counts, DateTime now, CancellationToken cancellationToken)
    {
        var days = await counts.Where(c => c.Key == Pending && c.Count != 0).Select(c => new { c.Day, c.Count }).ToListAsync(cancellationToken);
        // Waiting at least a week, three days, a day: a record submitted at or before a boundary is in the bucket past it.
        DateTime[] boundaries = [now.AddDays(-7), now.AddDays(-3), now.AddDays(-1)];
        int BucketOf(DateTime submittedAtUtc) => boundaries.Count(b => submittedAtUtc > b);
        var buckets = new long[boundaries.Length + 1];
        var pending = db.VerificationRecords.AsNoTracking().Where(r => r.Status == VerificationStatus.Pending);
        foreach (var (day, count) in days.Select(d => (d.Day, d.Count)))
        {
            var (start, end) = (ChinaTime.StartUtc(day), ChinaTime.StartUtc(day.AddDays(1)));
            if (boundaries.Where(b => b >= start && b < end).Select(b => (DateTime?)b).FirstOrDefault() is not { } boundary)
            {
                buckets[BucketOf(start)] += count;
                continue;
            }
            var older = await pending.CountAsync(r => r.SubmittedAtUtc >= start && r.SubmittedAtUtc <= boundary, cancellationToken);
            buckets[BucketOf(boundary)] += older;
            buckets[BucketOf(boundary.AddTicks(1))] += count - older;
        }
        var oldest = await pending.MinAsync(r => (DateTime?)r.SubmittedAtUtc, cancellationToken);
        return new PendingVerifications((int)buckets.Sum(), oldest, (int)buckets[3], (int)buckets[2], (int)buckets[1], (int)buckets[0]);
    }

    /// <summary>Every day of the period (none left out, for the chart), from a row per decided status and day.</summary>
    private static async Task<IReadOnlyList<VerificationDecisionDay>> DecisionsAsync(IQueryable<DayCount> counts, DashboardPeriod period,
        CancellationToken cancellationToken)
    {
        var rows = await counts.Where(c => c.Key != Pending && c.Day >= period.FirstDay && c.Day <= period.LastDay)
            .Select(c => new { c.Day, c.Key, c.Count }).ToListAsync(cancellationToken);
        int Of(DateOnly day, params VerificationStatus[] statuses) =>
            (int)rows.Where(r => r.Day == day && statuses.Any(s => s.ToString() == r.Key)).Sum(r => r.Count);
        return ChinaTime.Days(period.FromUtc, period.ToUtc)
            .Select(d => new VerificationDecisionDay(d.Day, Of(d.Day, VerificationStatus.Verified), Of(d.Day, VerificationStatus.Rejected),
                Of(d.Day, VerificationStatus.Expired, VerificationStatus.Revoked)))
            .ToList();
    }
}
