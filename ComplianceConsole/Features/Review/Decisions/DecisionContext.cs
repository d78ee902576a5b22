using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// What a decision is made on, written into the decision when it is made: the content as it stands and the flags the case is
/// in the queue for. Every path that writes a <see cref="Decision"/> goes through here, so the registers read the record, never today's item.
/// </summary>
internal static class DecisionContext
{
    /// <summary>
    /// The flags each case is decided on: those no decision has handled yet and, on a reopened case (its decision taken away),
    /// those its last decision handled, which are decided again. An appeal's flag is the appeal's work, never a decision's.
    /// </summary>
    public static async Task<ILookup<long, Flag>> FlagsAsync(AppDbContext db, IReadOnlyCollection<ReviewCase> cases, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var reopened = cases.Where(c => c.DecisionId is null).Select(c => c.Id).ToList();
        var flags = await db.Flags.AsNoTracking()
            .Where(f => ids.Contains(f.ReviewCaseId) && f.Source != FlagSource.Appeal && f.ReceivedAtUtc <= nowUtc
                && (f.HandledAtUtc == null || (reopened.Contains(f.ReviewCaseId)
                    && f.HandledAtUtc == db.Flags.Where(g => g.ReviewCaseId == f.ReviewCaseId).Max(g => g.HandledAtUtc))))
            .OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return flags.ToLookup(f => f.ReviewCaseId);
    }

    /// <summary>The decision settles the case's escalation, when it is a Manager's decision on an escalated case.</summary>
    public static async Task<Dictionary<long, long>> EscalationsAsync(AppDbContext db, IReadOnlyCollection<ReviewCase> cases, CancellationToken cancellationToken)
    {
        var escalated = cases.Where(c => c.State == ReviewCaseState.Escalated).Select(c => c.Id).ToList();
        if (escalated.Count == 0) return [];
        return await db.Decisions.AsNoTracking().Where(d => escalated.Contains(d.ReviewCaseId) && d.Outcome == DecisionOutcome.Escalated)
            .GroupBy(d => d.ReviewCaseId).Select(g => new { CaseId = g.Key, Id = g.Max(d => d.Id) })
            .ToDictionaryAsync(x => x.CaseId, x => x.Id, cancellationToken);
    }

    /// <summary>The decision with the item's category, media type, labels and GB 45438 fields as they stand now.</summary>
    public static Decision OnContent(this Decision decision, ContentItem item)
    {
        (decision.MediaType, decision.Category, decision.ExplicitLabel, decision.ImplicitLabel, decision.AigcLabel) =
            (item.MediaType, item.Category, item.ExplicitLabel, item.ImplicitLabel, item.AigcLabel);
        (decision.ContentProducer, decision.ProduceId, decision.ContentPropagator, decision.PropagateId, decision.ReservedCode1, decision.ReservedCode2) =
            (item.ContentProducer, item.ProduceId, item.ContentPropagator, item.PropagateId, item.ReservedCode1, item.ReservedCode2);
        return decision;
    }

    /// <summary>Records the flags a saved decision answered, as they are now (saved with the caller's next save).</summary>
    public static void AddFlags(AppDbContext db, Decision decision, IEnumerable<Flag> flags) =>
        db.DecisionFlags.AddRange(flags.Select(f => new DecisionFlag
        {
            DecisionId = decision.Id, FlagId = f.Id, Source = f.Source, ReceivedAtUtc = f.ReceivedAtUtc, DueAtUtc = f.DueAtUtc,
        }));
}
