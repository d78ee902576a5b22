using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// Fetches the media of items queued at ingestion (<see cref="PendingMediaRead"/>) through the <see cref="MediaFetcher"/>, reads
/// and checks each file's implicit label and hashes an image, then writes in one transaction per batch the readings, the
/// File hashes, the label findings' and hash banks' flags, and what became of each queued row. A failed fetch is recorded
/// and tried again later, twice as long after each failure, up to <see cref="MediaOptions.MaxReadAttempts"/> times.
/// A host taken off the allowed list since the item was queued is not fetched: its row is dropped.
/// </summary>
public sealed class MediaReadService(IDbContextFactory<AppDbContext> contextFactory, AuditTrail audit, MediaFetcher fetcher, ContentFileAnalyzer analyzer,
    HashBankLibrary banks, CaseMedia caseMedia, IOptionsMonitor<MediaOptions> options, ILiveNotifier notifier, TimeProvider clock)
{
    private static readonly TimeSpan FirstRetryAfter = TimeSpan.FromMinutes(1);

    private sealed record Attempt(PendingMediaRead Pending, ContentItem Item, ContentFileAnalysis? File, IReadOnlyList<ImplicitLabelFinding> Findings,
        FetchedMedia? Failure);

    /// <summary>Reads every queued file that is due, a batch at a time; returns how many queued rows it handled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.CurrentValue.ReadBatchSize);
        var total = 0;
        int handled;
        do
        {
            handled = await RunBatchAsync(batchSize, cancellationToken);
            total += handled;
        }
        while (handled == batchSize);
        return total;
    }

    private async Task<int> RunBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var startedUtc = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = await ItemFileRules.LoadAsync(db, cancellationToken);
        var due = await db.PendingMediaReads.AsNoTracking().Where(p => p.NotBeforeUtc <= startedUtc).OrderBy(p => p.NotBeforeUtc).ThenBy(p => p.ContentItemId)
            .Take(batchSize).Join(db.ContentItems.AsNoTracking(), p => p.ContentItemId, i => i.Id, (p, i) => new { Pending = p, Item = i })
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;

        // Fetching takes seconds: it happens before the writer's lock, which the batch takes only to write.
        var attempts = new List<Attempt>();
        foreach (var d in due)
        {
            if (!rules.MayFetch(d.Item))
            {
                attempts.Add(new(d.Pending, d.Item, null, [], null));
                continue;
            }
            var fetched = await fetcher.FetchAsync(d.Item.MediaUrl!, cancellationToken);
            if (fetched.Content is not { } content)
            {
                attempts.Add(new(d.Pending, d.Item, null, [], fetched));
                continue;
            }
            var file = analyzer.Analyze(content, FileReadingOrigin.Fetch);
            if (options.CurrentValue.KeepReadFiles) await caseMedia.KeepAsync(d.Item.Id, d.Item.MediaUrl!, content, cancellationToken);
            attempts.Add(new(d.Pending, d.Item, file, rules.Findings(file, d.Item), null));
        }
        await WriteAsync(db, attempts, await banks.CurrentAsync(cancellationToken), cancellationToken);
        return due.Count;
    }

    private async Task WriteAsync(AppDbContext db, List<Attempt> attempts, HashBankMatcher bankMatcher, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var maxAttempts = Math.Max(1, options.CurrentValue.MaxReadAttempts);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesExclusive, cancellationToken);
        // While the files were fetched, retention may have erased an item (its queued row went with it), or the platform changed
        // one (it stays queued, to be read against what it is now by the next run).
        var ids = attempts.Select(a => a.Item.Id).ToList();
        var stillQueued = await db.PendingMediaReads.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.ContentItemId))
            .Join(db.ContentItems, p => p.ContentItemId, i => i.Id, (p, i) => new { i.Id, i.Version }).ToDictionaryAsync(i => i.Id, i => i.Version, cancellationToken);
        attempts.RemoveAll(a => stillQueued.GetValueOrDefault(a.Item.Id) != a.Item.Version);
        var raised = await ContentIngestionService.RaisedAutomaticFlagsAsync(db, attempts.Select(a => a.Item.Id).ToList(), cancellationToken);

        var writer = ReviewBatchWriter.Create(db);
        var pending = new List<PendingFlag>();
        var copies = new Dictionary<long, CaseCopy>();
        var (read, failed, dropped) = (0, 0, 0);
        var done = new List<long>();
        foreach (var attempt in attempts)
        {
            var itemId = attempt.Item.Id;
            if (attempt.Failure is { ProblemKey: { } key } failure)
            {
                writer.InsertReading(ContentFileReadings.FetchFailed(itemId, key, failure.ProblemArguments, nowUtc));
                failed++;
                var tries = attempt.Pending.Attempts + 1;
                if (tries >= maxAttempts) done.Add(itemId);
                else
                {
                    var notBefore = nowUtc + FirstRetryAfter * Math.Pow(2, tries - 1);
                    await db.PendingMediaReads.Where(p => p.ContentItemId == itemId)
                        .ExecuteUpdateAsync(p => p.SetProperty(r => r.Attempts, tries).SetProperty(r => r.NotBeforeUtc, notBefore), cancellationToken);
                }
                continue;
            }
            done.Add(itemId);
            if (attempt.File is not { } file)
            {
                dropped++;
                continue;
            }
            read++;
            writer.InsertReading(ContentFileReadings.Read(itemId, file, attempt.Findings, nowUtc));
            List<ContentPerceptualHash> hashes = file.Hash is { } hash ? [hash] : [];
            await writer.ReplaceHashesAsync(itemId, PerceptualHashOrigin.File, hashes, stored: true, cancellationToken);
            if (!raised.TryGetValue(itemId, out var keys)) raised[itemId] = keys = [];
            var flags = LabelFileFlags.For(attempt.Findings, attempt.Item).Where(f => keys.Add(f.Key))
                .Select(f => new PendingFlag(itemId, f.Source, f.ReasonCode, null, null, f.MatchedText, null, null, nowUtc))
                .Concat(AutomaticFlags.BankMatches(bankMatcher, hashes)
                    .Where(m => keys.Add(AutomaticFlag.KeyOf(FlagSource.FeatureLibrary, null, m.ReasonCode, m.BankId)))
                    .Select(m => new PendingFlag(itemId, FlagSource.FeatureLibrary, m.ReasonCode, null, null, m.BankName, null, null, nowUtc, m)))
                .ToList();
            if (flags.Count == 0) continue;
            pending.AddRange(flags);
            copies[itemId] = CaseCopy.Of(attempt.Item);
        }
        if (done.Count > 0)
            await db.PendingMediaReads.Where(p => EF.Parameter(done).Contains(p.ContentItemId)).ExecuteDeleteAsync(cancellationToken);

        var limits = await TimeLimits.LoadAsync(db, cancellationToken);
        var (_, _, touched) = await new CaseFlagging(db, writer, limits, AuditActor.System, nowUtc).ApplyAsync(copies, pending, new HashSet<long>(), cancellationToken);
        await appender.SaveWithAuditAsync(db, AuditActor.System, AuditActions.MediaFilesRead, nameof(ContentItem), null,
            new { read, failed, dropped, flagsAdded = pending.Count, cases = touched.Count }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        foreach (var c in touched) notifier.Publish(new ReviewCaseChanged(c.CaseId, c.State, c.ClaimedById));
        foreach (var attempt in attempts) notifier.Publish(new ContentFileRead(attempt.Item.Id));
    }
}
