using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Takes the platform's content items and flags in batches. Each item is validated on its own: the good ones are
/// stored, the bad ones named. Items are idempotent on their external id (a retry writes nothing, a change is
/// written with its history); new and changed items run through the feature library and the label checks, and
/// every flag joins its item's case (<see cref="CaseFlagging"/>). A batch is one transaction with one audit event,
/// written with prepared commands (<see cref="ReviewBatchWriter"/>); the CPU work (validation, matching,
/// encryption) happens before the batch takes the single writer's lock. The search index follows behind (<see cref="ContentSearchIndexer"/>).
/// </summary>
public sealed class ContentIngestionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector pii,
    FeatureLibrary library, HashBankLibrary banks, ILiveNotifier notifier, TimeProvider clock, ContentSearchIndexer searchIndexer)
{
    public async Task<IReadOnlyList<IngestResult>> SubmitContentAsync(IReadOnlyList<ContentSubmission> items, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.SubmitContent);
        return await SaveContentAsync(items, actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public async Task<IReadOnlyList<IngestResult>> SubmitFlagsAsync(IReadOnlyList<FlagSubmission> flags, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.SubmitContent);
        return await SaveFlagsAsync(flags, actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>Stores one batch of items as received at <paramref name="nowUtc"/>; the caller has demanded the permission.</summary>
    internal async Task<IReadOnlyList<IngestResult>> SaveContentAsync(IReadOnlyList<ContentSubmission> submissions, AuditActor actor, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        CheckBatchSize(submissions.Count);
        var timer = new IngestionMetrics.BatchTimer();
        var results = new IngestResult[submissions.Count];
        var matcher = await library.CurrentAsync(cancellationToken);
        var bankMatcher = await banks.CurrentAsync(cancellationToken);
        await using var db = await OpenAsync(cancellationToken);
        var fileRules = await ItemFileRules.LoadAsync(db, cancellationToken);
        var checkedItems = new (ValidContent? Content, List<AutomaticFlag> Flags, IReadOnlyList<ImplicitLabelFinding> Findings)[submissions.Count];
        // The feature library is most of the CPU a batch costs: the cores share it, before the writer's lock, but for one core left to
        // each batch holding the writer's turn, which no other batch can overlap: sharing its core with another batch's checking, the
        // turn took 59 ms instead of 37 with two clients (docs/benchmarks.md).
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - Volatile.Read(ref batchesWriting)) };
        Parallel.For(0, submissions.Count, cores, i =>
        {
            var (content, errors) = ContentValidation.Validate(submissions[i], nowUtc);
            if (content is null)
            {
                results[i] = IngestResult.Invalid(i, errors);
                checkedItems[i] = (null, [], []);
                return;
            }
            var file = submissions[i].File;
            var findings = file is null ? [] : fileRules.Findings(file, content.Item);
            var flags = AutomaticFlags.For(matcher, bankMatcher, content.Item, file?.Hash is { } fileHash ? [.. content.Hashes, fileHash] : content.Hashes);
            flags.AddRange(LabelFileFlags.For(findings, content.Item));
            checkedItems[i] = (content, flags, findings);
        });
        var valid = checkedItems.Select((c, i) => (Index: i, Content: c.Content!, c.Flags, c.Findings, submissions[i].File))
            .Where(c => c.Content is not null).ToList();
        if (valid.Count == 0) return results;

        // Read before the writer's turn, which the batches of other clients wait for: the time limits' settings change rarely.
        var limits = await TimeLimits.LoadAsync(db, cancellationToken);
        timer.Ended(BatchPhase.Checking);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesExclusive, cancellationToken);
        timer.Ended(BatchPhase.WaitingForWriter);
        using var writing = new WriterTurn();
        var externalIds = valid.Select(v => v.Content.Item.ExternalId).Distinct().ToList();
        var stored = await db.ContentItems.AsNoTracking().Where(c => EF.Parameter(externalIds).Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId, cancellationToken);
        var authors = await PlatformUserBatch.ResolveAsync(db,
            valid.Select(v => new NamedPlatformUser(v.Content.AuthorExternalId, v.Content.AuthorDisplayName, PlatformUserKind.Individual)).ToList(),
            nowUtc, cancellationToken);
        var raised = await RaisedAutomaticFlagsAsync(db, stored.Values.Select(c => c.Id).ToList(), cancellationToken);
        var storedHashes = await PlatformHashesAsync(db, stored.Values.Select(c => c.Id).ToList(), cancellationToken);
        var queuedReads = await QueuedReadsAsync(db, stored.Values.Select(c => c.Id).ToList(), cancellationToken);
        timer.Ended(BatchPhase.Lookups);

        var writer = ReviewBatchWriter.Create(db);
        writer.ExpectNew(items: externalIds.Count(id => !stored.ContainsKey(id)));
        var created = new HashSet<long>();
        var copies = new Dictionary<long, CaseCopy>();
        var pending = new List<PendingFlag>();
        var (updated, unchanged, filesRead) = (0, 0, 0);
        var unchangedItems = new List<long>();
        foreach (var (index, content, flags, findings, file) in valid)
        {
            var item = content.Item;
            item.AuthorId = authors[content.AuthorExternalId];
            item.UpdatedAtUtc = nowUtc;
            IngestOutcome outcome;
            if (stored.TryGetValue(item.ExternalId, out var before))
            {
                var hashesBefore = storedHashes.GetValueOrDefault(before.Id);
                if (ContentChanges.Between(before, item, hashesBefore, content.HashesText) is not { } changes)
                {
                    unchanged++;
                    unchangedItems.Add(before.Id);
                    // An unchanged item sent with its file still has the file read: only the item is a retry.
                    if (file is null)
                    {
                        results[index] = new IngestResult(index, IngestOutcome.Unchanged, before.Id, null, 0, []);
                        continue;
                    }
                    (item.Id, item.ReceivedAtUtc, item.Version) = (before.Id, before.ReceivedAtUtc, before.Version);
                    outcome = IngestOutcome.Unchanged;
                }
                else
                {
                    (item.Id, item.ReceivedAtUtc, item.Version) = (before.Id, before.ReceivedAtUtc, before.Version + 1);
                    await writer.UpdateItemAsync(item, cancellationToken);
                    writer.InsertChange(new ContentItemChange { ContentItemId = item.Id, AtUtc = nowUtc, Actor = actor.Name, ChangesJson = changes });
                    if (hashesBefore != content.HashesText)
                        await writer.ReplaceHashesAsync(item.Id, PerceptualHashOrigin.Platform, content.Hashes, stored: true, cancellationToken);
                    outcome = IngestOutcome.Updated;
                    updated++;
                }
            }
            else
            {
                (item.ReceivedAtUtc, item.Version) = (nowUtc, 1);
                item.Id = await writer.InsertItemAsync(item, cancellationToken);
                created.Add(item.Id);
                await writer.ReplaceHashesAsync(item.Id, PerceptualHashOrigin.Platform, content.Hashes, stored: false, cancellationToken);
                outcome = IngestOutcome.Created;
            }
            if (file is not null)
            {
                writer.InsertReading(ContentFileReadings.Read(item.Id, file, findings, nowUtc));
                await writer.ReplaceHashesAsync(item.Id, PerceptualHashOrigin.File, file.Hash is { } fileHash ? [fileHash] : [],
                    stored: outcome != IngestOutcome.Created, cancellationToken);
                filesRead++;
            }
            // Any change may change what the label check finds, so a new or changed item is read again; one sent with its file needs no fetch.
            else if (fileRules.MayFetch(item))
            {
                if (queuedReads.Add(item.Id)) writer.QueueMediaRead(item.Id, nowUtc);
                else await writer.RequeueMediaReadAsync(item.Id, nowUtc, cancellationToken);
            }
            stored[item.ExternalId] = item; // the same item again later in this batch compares with this version
            storedHashes[item.Id] = content.HashesText;
            copies[item.Id] = CaseCopy.Of(item);
            if (!raised.TryGetValue(item.Id, out var keys)) raised[item.Id] = keys = [];
            var added = flags.Where(f => keys.Add(f.Key)).ToList();
            pending.AddRange(added.Select(f => new PendingFlag(item.Id, f.Source, f.ReasonCode, null, f.FeatureRuleId, f.MatchedText, null, null, nowUtc, f.Bank)));
            results[index] = new IngestResult(index, outcome, item.Id, null, added.Count, []);
        }

        var (_, _, touched) = await new CaseFlagging(db, writer, limits, actor, nowUtc).ApplyAsync(copies, pending, created, cancellationToken);
        var caseOfItem = touched.ToDictionary(t => t.ContentItemId, t => t.CaseId);
        // A retried item answers with its case as the first answer did; one seek per item, and only for items sent again unchanged.
        var untouched = unchangedItems.Where(id => !caseOfItem.ContainsKey(id)).Distinct().ToList();
        if (untouched.Count > 0)
        {
            foreach (var c in await db.ReviewCases.AsNoTracking().Where(c => EF.Parameter(untouched).Contains(c.ContentItemId))
                .Select(c => new { c.ContentItemId, c.Id }).ToListAsync(cancellationToken))
            {
                caseOfItem[c.ContentItemId] = c.Id;
            }
        }
        timer.Ended(BatchPhase.Writing);
        if (created.Count + updated + filesRead > 0)
        {
            await appender.SaveWithAuditAsync(db, actor, AuditActions.ContentSubmitted, "ContentItem", null,
                new
                {
                    created = created.Count, updated, unchanged, invalid = submissions.Count - valid.Count, flagsAdded = pending.Count, cases = touched.Count,
                    filesRead,
                },
                cancellationToken);
        }
        timer.Ended(BatchPhase.AuditEvent);
        await appender.CommitAsync(cancellationToken);
        timer.Ended(BatchPhase.Commit);
        if (writer.QueuedForSearch) searchIndexer.Queued.Set();
        Publish(touched);
        return results.Select(r => r.Id is { } id && caseOfItem.TryGetValue(id, out var caseId) ? r with { CaseId = caseId } : r).ToList();
    }

    private static int batchesWriting;

    /// <summary>Counts a batch of this process as holding the writer's turn until disposed.</summary>
    private readonly struct WriterTurn : IDisposable
    {
        public WriterTurn() => Interlocked.Increment(ref batchesWriting);

        public void Dispose() => Interlocked.Decrement(ref batchesWriting);
    }

    /// <summary>
    /// A context for one batch, whose transaction is rolled back whole when anything in it fails: EF Core's savepoint around the
    /// audited save (and its release: on PostgreSQL two round trips, while other batches wait for the writer's turn) would be kept for nothing.
    /// </summary>
    private async Task<AppDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }

    /// <summary>Stores one batch of flags as received at <paramref name="nowUtc"/>; the caller has demanded the permission.</summary>
    internal async Task<IReadOnlyList<IngestResult>> SaveFlagsAsync(IReadOnlyList<FlagSubmission> submissions, AuditActor actor, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        CheckBatchSize(submissions.Count);
        var results = new IngestResult[submissions.Count];
        var valid = new List<(int Index, ValidFlag Flag, byte[]? Contact)>(submissions.Count);
        for (var i = 0; i < submissions.Count; i++)
        {
            var (flag, errors) = ContentValidation.Validate(submissions[i], nowUtc);
            if (flag is null) results[i] = IngestResult.Invalid(i, errors);
            else valid.Add((i, flag, flag.ComplainantContact is { } contact ? pii.Encrypt(contact) : null));
        }
        if (valid.Count == 0) return results;

        await using var db = await OpenAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesExclusive, cancellationToken);
        var contentIds = valid.Select(v => v.Flag.ContentExternalId).Distinct().ToList();
        var items = await db.ContentItems.AsNoTracking().Where(c => EF.Parameter(contentIds).Contains(c.ExternalId))
            .Select(c => new ContentItem { Id = c.Id, ExternalId = c.ExternalId, AuthorId = c.AuthorId, MediaType = c.MediaType, Category = c.Category,
                ExplicitLabel = c.ExplicitLabel, ImplicitLabel = c.ImplicitLabel })
            .ToDictionaryAsync(c => c.ExternalId, cancellationToken);
        var flagIds = valid.Select(v => v.Flag.ExternalId).OfType<string>().Distinct().ToList();
        var known = await db.Flags.AsNoTracking().Where(f => EF.Parameter(flagIds).Contains(f.ExternalId!))
            .ToDictionaryAsync(f => f.ExternalId!, f => (f.Id, f.ReviewCaseId), cancellationToken);

        var pending = new List<PendingFlag>();
        var pendingIndex = new List<int>();
        var firstInBatch = new Dictionary<string, int>(); // a flag id sent twice in one batch: the second refers to the first
        var repeats = new List<(int Index, int Pending)>();
        var copies = new Dictionary<long, CaseCopy>();
        foreach (var (index, flag, contact) in valid)
        {
            if (!items.TryGetValue(flag.ContentExternalId, out var item))
            {
                results[index] = IngestResult.Invalid(index, [new FieldError("contentExternalId", "Content.UnknownItem")]);
                continue;
            }
            if (flag.ExternalId is { } id && known.TryGetValue(id, out var existing))
            {
                results[index] = new IngestResult(index, IngestOutcome.Unchanged, existing.Id, existing.ReviewCaseId, 0, []);
                continue;
            }
            if (flag.ExternalId is { } repeated && firstInBatch.TryGetValue(repeated, out var first))
            {
                repeats.Add((index, first));
                continue;
            }
            if (flag.ExternalId is not null) firstInBatch[flag.ExternalId] = pending.Count;
            copies[item.Id] = CaseCopy.Of(item);
            pending.Add(new PendingFlag(item.Id, flag.Source, null, flag.Reason, null, null, contact, flag.ExternalId, flag.ReceivedAtUtc));
            pendingIndex.Add(index);
        }

        var writer = ReviewBatchWriter.Create(db);
        var limits = await TimeLimits.LoadAsync(db, cancellationToken);
        var (ids, caseIds, touched) = await new CaseFlagging(db, writer, limits, actor, nowUtc).ApplyAsync(copies, pending, new HashSet<long>(), cancellationToken);
        for (var p = 0; p < pending.Count; p++) results[pendingIndex[p]] = new IngestResult(pendingIndex[p], IngestOutcome.Created, ids[p], caseIds[p], 1, []);
        foreach (var (index, first) in repeats) results[index] = new IngestResult(index, IngestOutcome.Unchanged, ids[first], caseIds[first], 0, []);
        if (pending.Count > 0)
        {
            await appender.SaveWithAuditAsync(db, actor, AuditActions.FlagsSubmitted, "ReviewCase", null,
                new
                {
                    created = pending.Count, unchanged = results.Count(r => r.Outcome == IngestOutcome.Unchanged),
                    invalid = results.Count(r => r.Outcome == IngestOutcome.Invalid), cases = touched.Count,
                    sources = pending.GroupBy(f => f.Source).ToDictionary(g => g.Key.ToString(), g => g.Count()),
                },
                cancellationToken);
        }
        await appender.CommitAsync(cancellationToken);
        Publish(touched);
        return results;
    }

    /// <summary>The automatic flags each stored item already has, by <see cref="AutomaticFlag.Key"/>.</summary>
    internal static async Task<Dictionary<long, HashSet<string>>> RaisedAutomaticFlagsAsync(AppDbContext db, List<long> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0) return [];
        var flags = await db.Flags.AsNoTracking()
            .Where(f => EF.Parameter(itemIds).Contains(f.ContentItemId) && (f.Source == FlagSource.FeatureLibrary || f.Source == FlagSource.LabelCheck))
            .Select(f => new { f.ContentItemId, f.Source, f.FeatureRuleId, f.ReasonCode, f.HashBankId })
            .ToListAsync(cancellationToken);
        return flags.GroupBy(f => f.ContentItemId)
            .ToDictionary(g => g.Key, g => g.Select(f => AutomaticFlag.KeyOf(f.Source, f.FeatureRuleId, f.ReasonCode, f.HashBankId)).ToHashSet());
    }

    /// <summary>The stored items whose media waits to be fetched already.</summary>
    private static async Task<HashSet<long>> QueuedReadsAsync(AppDbContext db, List<long> itemIds, CancellationToken cancellationToken) =>
        itemIds.Count == 0 ? [] : (await db.PendingMediaReads.AsNoTracking().Where(p => EF.Parameter(itemIds).Contains(p.ContentItemId))
            .Select(p => p.ContentItemId).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The stored items' platform hashes in their one-line form, by item; an item without any is absent.</summary>
    private static async Task<Dictionary<long, string?>> PlatformHashesAsync(AppDbContext db, List<long> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0) return [];
        var hashes = await db.ContentPerceptualHashes.AsNoTracking()
            .Where(h => EF.Parameter(itemIds).Contains(h.ContentItemId) && h.Origin == PerceptualHashOrigin.Platform).ToListAsync(cancellationToken);
        return hashes.GroupBy(h => h.ContentItemId).ToDictionary(g => g.Key, g => PerceptualHashes.Text(g));
    }

    private void Publish(IEnumerable<TouchedCase> touched)
    {
        foreach (var c in touched) notifier.Publish(new ReviewCaseChanged(c.CaseId, c.State, c.ClaimedById));
    }

    private static void CheckBatchSize(int count)
    {
        if (count > ContentRules.BatchSize) throw new ArgumentException($"At most {ContentRules.BatchSize} items at a time.", nameof(count));
    }
}
