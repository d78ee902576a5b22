using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// One reason code's appeals in a period, by the reason of the appealed decision: violation decisions made, appeals
/// received against decisions of that reason, appeals decided and how many of those were overturned.
/// </summary>
public sealed record AppealReasonRates(string ReasonCode, int Decisions, int Appeals, int Decided, int Overturned)
{
    /// <summary>Appeals per appealable (violation) decision; null when no such decision was made.</summary>
    public double? AppealRate => Decisions == 0 ? null : (double)Appeals / Decisions;

    /// <summary>Overturned appeals per decided appeal; null when none was decided.</summary>
    public double? OverturnRate => Decided == 0 ? null : (double)Overturned / Decided;
}

/// <summary>Appeals in a period [from, to): received, decided, upheld and overturned, and the rates by reason code.</summary>
public sealed record AppealPeriodStatistics(int Received, int Decided, int Upheld, int Overturned, IReadOnlyList<AppealReasonRates> ByReason);

/// <summary>Appeals received, decided and overturned in a period [from, to): the dashboard's tile.</summary>
public sealed record AppealCounts(int Received, int Decided, int Overturned);

/// <summary>
/// The appeal figures the dashboard and the exports show, counted by the database (GROUP BY), never by loading rows.
/// A decision or appeal counts in the period it was made, received or decided in.
/// </summary>
public sealed class AppealStatistics(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard)
{
    private static readonly DecisionOutcome[] Appealable = Enum.GetValues<DecisionOutcome>().Where(AppealRules.IsAppealable).ToArray();

    /// <summary>The dashboard's figures, from the appeals' time indexes alone: the period's decisions by reason are left to the exports.</summary>
    public async Task<AppealCounts> CountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var received = await db.Appeals.CountAsync(a => a.ReceivedAtUtc >= fromUtc && a.ReceivedAtUtc < toUtc, cancellationToken);
        var decided = await db.Appeals.Where(a => a.DecidedAtUtc >= fromUtc && a.DecidedAtUtc < toUtc)
            .GroupBy(a => a.Outcome == AppealOutcome.Overturned).Select(g => new { Overturned = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new AppealCounts(received, decided.Sum(d => d.Count), decided.Where(d => d.Overturned).Sum(d => d.Count));
    }

    public async Task<AppealPeriodStatistics> ForPeriodAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var received = await db.Appeals.CountAsync(a => a.ReceivedAtUtc >= fromUtc && a.ReceivedAtUtc < toUtc, cancellationToken);
        var decisions = await db.Decisions.Where(d => d.DecidedAtUtc >= fromUtc && d.DecidedAtUtc < toUtc && Appealable.Contains(d.Outcome))
            .GroupBy(d => d.ReasonCode).Select(g => new { ReasonCode = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ReasonCode, g => g.Count, cancellationToken);
        var appeals = await (from a in db.Appeals
                             join d in db.Decisions on a.DecisionId equals d.Id
                             where a.ReceivedAtUtc >= fromUtc && a.ReceivedAtUtc < toUtc
                             group a by d.ReasonCode into g
                             select new { ReasonCode = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ReasonCode, g => g.Count, cancellationToken);
        var decided = await (from a in db.Appeals
                             join d in db.Decisions on a.DecisionId equals d.Id
                             where a.DecidedAtUtc >= fromUtc && a.DecidedAtUtc < toUtc
                             group a by d.ReasonCode into g
                             select new { ReasonCode = g.Key, Count = g.Count(), Overturned = g.Count(a => a.Outcome == AppealOutcome.Overturned) })
            .ToDictionaryAsync(g => g.ReasonCode, g => (g.Count, g.Overturned), cancellationToken);

        var byReason = decisions.Keys.Union(appeals.Keys).Union(decided.Keys).Order(StringComparer.Ordinal)
            .Select(code => new AppealReasonRates(code, decisions.GetValueOrDefault(code), appeals.GetValueOrDefault(code),
                decided.GetValueOrDefault(code).Count, decided.GetValueOrDefault(code).Overturned))
            .ToList();
        var decidedCount = byReason.Sum(r => r.Decided);
        var overturned = byReason.Sum(r => r.Overturned);
        return new AppealPeriodStatistics(received, decidedCount, decidedCount - overturned, overturned, byReason);
    }
}
