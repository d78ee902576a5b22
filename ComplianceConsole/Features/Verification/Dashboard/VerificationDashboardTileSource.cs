using ComplianceConsole.Data;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>The verification figures of the dashboard, counted on the grid's own (Status, time) indexes.</summary>
internal sealed class VerificationDashboardTileSource(IDbContextFactory<AppDbContext> contextFactory) : IDashboardTileSource
{
    public async Task<IDashboardTileSet> GetAsync(DashboardPeriod period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return new VerificationDashboardFigures(period, nowUtc, await PendingAsync(db, nowUtc, cancellationToken), await DecisionsAsync(db, period, cancellationToken));
    }

    /// <summary>Four range counts and a minimum on the (Status, SubmittedAtUtc) index.</summary>
    private static async Task<PendingVerifications> PendingAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var pending = db.VerificationRecords.AsNoTracking().Where(r => r.Status == VerificationStatus.Pending);
        var (day, threeDays, week) = (now.AddDays(-1), now.AddDays(-3), now.AddDays(-7));
        var underOneDay = await pending.CountAsync(r => r.SubmittedAtUtc > day, cancellationToken);
        var oneToThree = await pending.CountAsync(r => r.SubmittedAtUtc <= day && r.SubmittedAtUtc > threeDays, cancellationToken);
        var threeToSeven = await pending.CountAsync(r => r.SubmittedAtUtc <= threeDays && r.SubmittedAtUtc > week, cancellationToken);
        var overSeven = await pending.CountAsync(r => r.SubmittedAtUtc <= week, cancellationToken);
        var oldest = await pending.MinAsync(r => (DateTime?)r.SubmittedAtUtc, cancellationToken);
        return new PendingVerifications(underOneDay + oneToThree + threeToSeven + overSeven, oldest, underOneDay, oneToThree, threeToSeven, overSeven);
    }

    /// <summary>Every day of the period (none left out, for the chart), each a GROUP BY on a range of the (Status, DecidedAtUtc) index.</summary>
    private static async Task<IReadOnlyList<VerificationDecisionDay>> DecisionsAsync(AppDbContext db, DashboardPeriod period, CancellationToken cancellationToken)
    {
        var days = new List<VerificationDecisionDay>();
        foreach (var (day, from, to) in ChinaTime.Days(period.FromUtc, period.ToUtc))
        {
            var counts = await db.VerificationRecords.AsNoTracking()
                // The decided statuses named, so each is a range seek on the index's time column.
                .Where(r => new[] { VerificationStatus.Verified, VerificationStatus.Rejected, VerificationStatus.Expired, VerificationStatus.Revoked }.Contains(r.Status)
                    && r.DecidedAtUtc >= from && r.DecidedAtUtc < to)
                .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            int Of(params VerificationStatus[] statuses) => counts.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
            days.Add(new VerificationDecisionDay(day, Of(VerificationStatus.Verified), Of(VerificationStatus.Rejected), Of(VerificationStatus.Expired, VerificationStatus.Revoked)));
        }
        return days;
    }
}
