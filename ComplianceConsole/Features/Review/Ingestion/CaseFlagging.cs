using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review.HashBanks;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>What a case copies from its item, so each queue view is one index seek.</summary>
internal sealed record CaseCopy(long ContentItemId, long AuthorId, MediaType MediaType, SynthesisCategory Category, LabelStatus LabelStatus)
{
    public static CaseCopy Of(ContentItem item) =>
        new(item.Id, item.AuthorId, item.MediaType, item.Category, LabelChecks.Worst(item.ExplicitLabel, item.ImplicitLabel));
}

/// <summary>A flag about to be written; its case and due time are filled in when it joins its item's case.</summary>
internal sealed record PendingFlag(long ContentItemId, FlagSource Source, string? ReasonCode, string? ReasonText, long? FeatureRuleId, string? MatchedText,
    byte[]? ContactCipher, string? ExternalId, DateTime ReceivedAtUtc, BankMatch? Bank = null);

/// <summary>A case this batch flagged or changed, for the live notice after commit.</summary>
internal sealed record TouchedCase(long CaseId, long ContentItemId, ReviewCaseState State, string? ClaimedById);

/// <summary>
/// Every flag joins its item's one case: a new case when the item has none, a decided case reopened. Since the last
/// decision, the case is due at its flags' earliest due time, weighs their sources (<see cref="ReviewSources.Priority"/>),
/// counts them and marks their sources; it copies its item's media type, category, worst label state and author.
/// One query reads the batch's existing cases; every flag adds a Flagged step to the case's history.
/// </summary>
internal sealed class CaseFlagging(AppDbContext db, ReviewBatchWriter writer, TimeLimits limits, AuditActor actor, DateTime nowUtc)
{
    /// <summary>
    /// Writes the flags (grouped per item, their ids returned in the given order) and refreshes the copies of the
    /// items in <paramref name="items"/> on their existing cases; everything the writer gathered is written before it returns. Every flag's item must be among <paramref name="items"/>.
    /// </summary>
    /// <param name="newItemIds">Items created in this batch: they have no case yet, so they are not looked up.</param>
    public async Task<(long[] FlagIds, long[] CaseIds, List<TouchedCase> Touched)> ApplyAsync(IReadOnlyDictionary<long, CaseCopy> items,
        IReadOnlyList<PendingFlag> flags, IReadOnlySet<long> newItemIds, CancellationToken cancellationToken)
    {
        var lookup = items.Keys.Where(id => !newItemIds.Contains(id)).ToList();
        var cases = lookup.Count == 0 ? [] : await db.ReviewCases.AsNoTracking().Where(c => EF.Parameter(lookup).Contains(c.ContentItemId))
            .Select(c => new ReviewCase
            {
                Id = c.Id, ContentItemId = c.ContentItemId, State = c.State, OpenedAtUtc = c.OpenedAtUtc, DueAtUtc = c.DueAtUtc, Priority = c.Priority,
                QueueOrder = c.QueueOrder, FlagCount = c.FlagCount, SourceMask = c.SourceMask, ClaimedById = c.ClaimedById,
            })
            .ToDictionaryAsync(c => c.ContentItemId, cancellationToken);

        var flagIds = new long[flags.Count];
        var caseIds = new long[flags.Count];
        var touched = new List<TouchedCase>();
        var byItem = flags.Select((flag, index) => (flag, index)).ToLookup(f => f.flag.ContentItemId);
        writer.ExpectNew(cases: items.Keys.Count(id => byItem.Contains(id) && !cases.ContainsKey(id)), flags: flags.Count);
        foreach (var (itemId, copy) in items)
        {
            var itemFlags = byItem[itemId].ToList();
            cases.TryGetValue(itemId, out var existing);
            if (itemFlags.Count == 0 && existing is null) continue;
            var @case = existing ?? new ReviewCase { ContentItemId = itemId, State = ReviewCaseState.Open, OpenedAtUtc = nowUtc, DueAtUtc = DateTime.MaxValue };
            (@case.AuthorId, @case.MediaType, @case.Category, @case.LabelStatus) = (copy.AuthorId, copy.MediaType, copy.Category, copy.LabelStatus);
            var dues = itemFlags.Select(f => limits.DueAt(f.flag.Source, f.flag.ReceivedAtUtc)).ToList();
            if (itemFlags.Count > 0) Join(@case, itemFlags.Select(f => f.flag.Source).ToList(), dues.Min());

            if (existing is null) @case.Id = await writer.InsertCaseAsync(@case, cancellationToken);
            else await writer.UpdateCaseAsync(@case, cancellationToken);
            for (var i = 0; i < itemFlags.Count; i++)
            {
                var (flag, index) = itemFlags[i];
                flagIds[index] = await writer.InsertFlagAsync(new Flag
                {
                    ReviewCaseId = @case.Id, ContentItemId = itemId, Source = flag.Source, ReasonCode = flag.ReasonCode, ReasonText = flag.ReasonText,
                    FeatureRuleId = flag.FeatureRuleId, MatchedText = flag.MatchedText, ComplainantContactCipher = flag.ContactCipher,
                    ExternalId = flag.ExternalId, RaisedBy = actor.Name, ReceivedAtUtc = flag.ReceivedAtUtc, DueAtUtc = dues[i],
                    HashBankId = flag.Bank?.BankId, HashBankEntryId = flag.Bank?.EntryId, MatchDistance = flag.Bank?.Distance,
                    LinkedReviewCaseId = flag.Bank?.ReviewCaseId,
                }, cancellationToken);
                caseIds[index] = @case.Id;
                writer.InsertEvent(new ReviewCaseEvent
                {
                    ReviewCaseId = @case.Id, AtUtc = nowUtc, Kind = ReviewCaseEventKind.Flagged, ActorId = actor.Id, ActorName = actor.Name,
                    Detail = flag.Source.ToString(),
                });
            }
            touched.Add(new TouchedCase(@case.Id, itemId, @case.State, @case.ClaimedById));
        }
        await writer.FlushAsync(cancellationToken);
        return (flagIds, caseIds, touched);
    }

    /// <summary>New flags on a case: a decided case starts a new round with them alone; an open or escalated one adds them.</summary>
    private void Join(ReviewCase @case, IReadOnlyList<FlagSource> sources, DateTime earliestDue)
    {
        if (@case.State == ReviewCaseState.Decided)
        {
            (@case.State, @case.OpenedAtUtc, @case.DueAtUtc, @case.Priority, @case.FlagCount, @case.SourceMask) =
                (ReviewCaseState.Open, nowUtc, DateTime.MaxValue, 0, 0, 0);
        }
        @case.DueAtUtc = earliestDue < @case.DueAtUtc ? earliestDue : @case.DueAtUtc;
        // The sum of weights is capped, so adding to a capped priority stays capped: the same as summing every flag again.
        @case.Priority = Math.Min(ReviewQueueOrder.MaxPriority, @case.Priority + ReviewSources.Priority(sources));
        @case.FlagCount += sources.Count;
        @case.SourceMask |= sources.Aggregate(0, (mask, source) => mask | ReviewSources.Bit(source));
        @case.QueueOrder = ReviewQueueOrder.For(@case.DueAtUtc, @case.Priority);
    }
}
