using ComplianceConsole.Data;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>The flags a decision handled, as far as <see cref="ReviewerStatistics"/> needs them: the first received and the earliest due.</summary>
internal sealed record HandledFlagTimes(DateTime FirstReceivedAtUtc, DateTime EarliestDueAtUtc);

/// <summary>
/// Each reviewer's decisions counted per China Standard Time day of the decision (<see cref="DayCount"/>, keyed by the reviewer's id),
/// kept by the writes in their transaction so <see cref="ReviewerStatistics"/> reads rows per day instead of walking the period's
/// decisions: decisions, those with a time limit and those made within it, those overturned (counted when the appeal is decided), and
/// handling times by <see cref="HandlingTimeBuckets"/> and their ranges, keyed by reviewer and bucket. Escalations and decisions nobody
/// signed are not counted. Decisions are never deleted, and an appeal is decided once.
/// </summary>
internal static class ReviewerDayCounts
{
    public const string Decisions = "Reviewers.Decisions";
    public const string WithLimit = "Reviewers.WithLimit";
    public const string WithinLimit = "Reviewers.WithinLimit";
    public const string Overturned = "Reviewers.Overturned";
    public const string HandlingRanges = "Reviewers.HandlingRanges";
    public const string Handling = "Reviewers.Handling";

    /// <summary>
    /// A decision, timed from the reviewer's last claim of the case before it, else from the first flag it handled; its time limit is
    /// the earliest due time of the flags it handled.
    /// </summary>
    public static void Decided(DayCountChanges changes, DecisionOutcome outcome, string? reviewerId, DateTime decidedAtUtc, DateTime? claimedAtUtc,
        HandledFlagTimes? handled)
    {
        if (outcome == DecisionOutcome.Escalated || reviewerId is not { } reviewer) return;
        var day = ChinaTime.DayOf(decidedAtUtc);
        changes.Add(Decisions, reviewer, day, 1);
        if (handled is not null)
        {
            changes.Add(WithLimit, reviewer, day, 1);
            if (decidedAtUtc <= handled.EarliestDueAtUtc) changes.Add(WithinLimit, reviewer, day, 1);
        }
        if ((claimedAtUtc ?? handled?.FirstReceivedAtUtc) is not { } start) return;
        var bucket = HandlingTimeBuckets.Of(decidedAtUtc - start);
        changes.Add(HandlingRanges, HandlingTimeBuckets.Key(reviewer, HandlingTimeBuckets.RangeOf(bucket)), day, 1);
        changes.Add(Handling, HandlingTimeBuckets.Key(reviewer, bucket), day, 1);
    }

    /// <summary>The decisions of one decider at one time, with the claims of their cases read from the case history.</summary>
    public static async Task DecidedAsync(AppDbContext db, IReadOnlyCollection<Decision> decisions, IReadOnlyDictionary<long, HandledFlagTimes> handled,
        CancellationToken cancellationToken)
    {
        var counted = decisions.Where(d => d.Outcome != DecisionOutcome.Escalated && d.DecidedById is not null).ToList();
        if (counted.Count == 0) return;
        var (reviewer, decidedAt) = (counted[0].DecidedById, counted[0].DecidedAtUtc);
        var caseIds = counted.Select(d => d.ReviewCaseId).ToList();
        var claims = await db.ReviewCaseEvents.AsNoTracking()
            .Where(e => caseIds.Contains(e.ReviewCaseId) && e.Kind == ReviewCaseEventKind.Claimed && e.ActorId == reviewer && e.AtUtc <= decidedAt)
            .GroupBy(e => e.ReviewCaseId).Select(g => new { CaseId = g.Key, At = g.Max(e => e.AtUtc) })
            .ToDictionaryAsync(c => c.CaseId, c => c.At, cancellationToken);
        foreach (var decision in counted)
        {
            Decided(db.DayCountChanges, decision.Outcome, decision.DecidedById, decision.DecidedAtUtc, claims.TryGetValue(decision.ReviewCaseId, out var claimed) ? claimed : null, handled.GetValueOrDefault(decision.ReviewCaseId));
        }
    }

    /// <summary>An appeal against the decision was decided Overturned: counted once, on the decision's day, however many appeals overturn it.</summary>
    public static async Task OverturnedAsync(AppDbContext db, Appeal appeal, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().Where(d => d.Id == appeal.DecisionId)
            .Select(d => new { d.Outcome, d.DecidedById, d.DecidedAtUtc }).SingleAsync(cancellationToken);
        if (decision.Outcome == DecisionOutcome.Escalated || decision.DecidedById is null) return;
        if (await db.Appeals.AnyAsync(a => a.DecisionId == appeal.DecisionId && a.Id != appeal.Id && a.Outcome == AppealOutcome.Overturned, cancellationToken)) return;
        OverturnedOnAppeal(db.DayCountChanges, decision.DecidedById, decision.DecidedAtUtc);
    }

    public static void OverturnedOnAppeal(DayCountChanges changes, string reviewerId, DateTime decidedAtUtc) => changes.Add(Overturned, reviewerId, decidedAtUtc, 1);
}
