using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The one way a decision is applied to cases, for a single decision and a bulk one alike: a decision on what each case stands on
/// now (<see cref="DecisionContext"/>), what the caller records with it, and the case's step: escalated to a Manager, or decided,
/// out of the queue with its flags handled. The caller checks before and saves, publishes and audits after, in its transaction.
/// </summary>
internal static class CaseDecisions
{
    public static async Task<Dictionary<long, Decision>> ApplyAsync(AppDbContext db, IReadOnlyCollection<ReviewCase> cases, DecisionOutcome outcome,
        string reasonCode, string? note, AuditActor actor, DateTime now, TimeProvider clock, Action<ReviewCase, Decision>? record, CancellationToken cancellationToken)
    {
        var flags = await DecisionContext.FlagsAsync(db, cases, now, cancellationToken);
        var escalations = await DecisionContext.EscalationsAsync(db, cases, cancellationToken);
        var decisions = cases.ToDictionary(c => c.Id, c => new Decision
        {
            ReviewCaseId = c.Id, Outcome = outcome, ReasonCode = reasonCode, Note = Trimmed(note),
            DecidedById = actor.Id, DecidedByName = actor.ShownName, DecidedAtUtc = now, SourceMask = c.SourceMask,
            FollowsDecisionId = escalations.TryGetValue(c.Id, out var escalation) ? escalation : null,
        }.OnContent(c.ContentItem));
        db.Decisions.AddRange(decisions.Values);
        await db.SaveChangesAsync(cancellationToken); // what is recorded with a decision points at its id
        // Counted by the caller's save, late in its transaction: a shared day's row is held from there to the commit.
        foreach (var decision in decisions.Values) ReviewDayCounts.Decided(db.DayCountChanges, decision.Outcome, decision.DecidedAtUtc);
        foreach (var reviewCase in cases)
        {
            var decision = decisions[reviewCase.Id];
            DecisionContext.AddFlags(db, decision, flags[reviewCase.Id]);
            record?.Invoke(reviewCase, decision);
            if (outcome == DecisionOutcome.Escalated)
            {
                // A Manager decides it later: the claim ends, and the escalation is only a step in the history.
                reviewCase.State = ReviewCaseState.Escalated;
                ReviewCaseHistory.Add(db, reviewCase.Id, ReviewCaseEventKind.Escalated, actor, clock, ReviewEventDetails.Decided(outcome, reasonCode));
            }
            else
            {
                reviewCase.State = ReviewCaseState.Decided;
                reviewCase.DecisionId = decision.Id;
                reviewCase.DecidedAtUtc = now;
                ReviewCaseHistory.Add(db, reviewCase.Id, ReviewCaseEventKind.Decided, actor, clock, ReviewEventDetails.Decided(outcome, reasonCode));
            }
            Release(reviewCase);
            reviewCase.Version++;
        }
        var handled = await HandledFlags.MarkAsync(db, cases.Where(c => c.State == ReviewCaseState.Decided).Select(c => c.Id), now, cancellationToken);
        await ReviewerDayCounts.DecidedAsync(db, decisions.Values, handled, cancellationToken);
        return decisions;
    }

    /// <summary>The case is no one's to work any more: its claim and its assignment end (an appeal's decision ends a case so too).</summary>
    public static void Release(ReviewCase reviewCase)
    {
        EndClaim(reviewCase);
        reviewCase.AssignedToId = null;
        reviewCase.AssignedToName = null;
    }

    public static void EndClaim(ReviewCase reviewCase)
    {
        reviewCase.ClaimedById = null;
        reviewCase.ClaimedByName = null;
        reviewCase.ClaimedAtUtc = null;
        reviewCase.ClaimExpiresAtUtc = null;
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
