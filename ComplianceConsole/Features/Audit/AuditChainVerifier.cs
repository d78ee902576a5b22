using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

public enum ChainBreak
{
    /// <summary>A sequence number is missing: an event was removed.</summary>
    Missing,
    /// <summary>The event's content no longer matches its hash: it was altered.</summary>
    Altered,
    /// <summary>The event does not point at the hash of the event before it.</summary>
    Unlinked,
    /// <summary>An event written after the chain was keyed carries an unkeyed hash: it was rewritten without the key.</summary>
    Downgraded,
    /// <summary>A signed checkpoint names an event whose hash is now different (or which is gone).</summary>
    CheckpointMismatch,
    /// <summary>A signed checkpoint names an event beyond the end of the chain: events were cut off the end.</summary>
    Truncated,
    /// <summary>A checkpoint's signature is wrong: it was made or altered without the audit signing key.</summary>
    CheckpointForged,
    /// <summary>
    /// Events older than the checkpoint interval that no signed checkpoint covers: the checkpoints were removed (a rewrite
    /// without them cannot be told apart from the genuine history), or the checkpoint job did not run.
    /// </summary>
    Uncovered,
    /// <summary>
    /// An event waiting to join the chain that the console did not seal (written or altered without the audit key), or a copy
    /// of one already chained: it is never chained. Reported at the place it would have taken.
    /// </summary>
    Unsealed,
}

/// <summary>
/// What else to verify with: a witness's copy of the signed checkpoints brought from elsewhere, and a public key to check their
/// signatures with instead of the console's own key (an inspector's offline check): that key, and every key a recorded rotation
/// links to it.
/// </summary>
public sealed record ChainEvidence(string? WitnessFile = null, EcdsaSigner? PublicKey = null);

/// <summary>One place where the chain does not hold, at an event's sequence number.</summary>
public sealed record ChainBreakAt(long Sequence, ChainBreak Kind);

public sealed record ChainVerification(long EventsChecked, int CheckpointsChecked, IReadOnlyList<ChainBreakAt> Breaks, int BreakCount)
{
    public bool Intact => BreakCount == 0;

    public long? BrokenAtSequence => Breaks.Count > 0 ? Breaks[0].Sequence : null;

    public ChainBreak? Break => Breaks.Count > 0 ? Breaks[0].Kind : null;
}

/// <summary>
/// Walks the whole chain in order, in batches, and lists every break (not only the first): removed, altered,
/// unlinked or downgraded events, and signed checkpoints that no longer match, which is how an end cut off the
/// chain shows; events older than the checkpoint interval must be covered by a signed checkpoint. After a retention purge the chain starts after the purge's signed base, and checkpoints of the
/// purged events are history.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    AuditChain chain, AuditHash hasher, AuditCheckpoints checkpoints, IConfiguration configuration, TimeProvider clock)
{
    private const int BatchSize = 5_000;

    /// <summary>Breaks beyond this many are counted, not listed.</summary>
    public const int MaxListedBreaks = 1_000;

    /// <summary>Verifies the chain for a person on the audit page, and records that they did and what they found.</summary>
    public async Task<ChainVerification> VerifyAndRecordAsync(Func<long, Task>? reportProgress = null, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(AuditPermissions.Read);
        var result = await VerifyAsync(reportProgress, cancellationToken);
        await audit.RecordAsync(contextFactory, actor, AuditActions.ChainVerified, details: new
        {
            result.EventsChecked, result.Intact, result.BreakCount, result.CheckpointsChecked,
            FirstBreaks = result.Breaks.Take(20).Select(b => $"{b.Sequence}:{b.Kind}").ToArray(),
        }, cancellationToken: cancellationToken);
        return result;
    }

    public async Task<ChainVerification> VerifyAsync(Func<long, Task>? reportProgress = null, CancellationToken cancellationToken = default,
        ChainEvidence? evidence = null)
    {
        // What is still waiting is chained first: what then remains is what the console never sealed.
        await chain.ChainWaitingAsync(cancellationToken);
        var signed = await checkpoints.ReadAllAsync(cancellationToken, evidence?.WitnessFile);
        var breaks = new Breaks();
        var trusted = evidence?.PublicKey is { } publicKey
            ? await TrustedSigningKeys.FromAsync(contextFactory, publicKey, publicKeysOnly: true, cancellationToken)
            : await checkpoints.TrustedKeysAsync(cancellationToken);
        var genuine = signed.Where(c => checkpoints.IsGenuine(c, trusted)).ToList();
        foreach (var forged in signed.Except(genuine)) breaks.Add(forged.Sequence, ChainBreak.CheckpointForged);
        // The retention purge removed the events up to its newest base: the chain starts after it, linked to the hash it signed.
        var purgeBase = genuine.Where(c => c.IsPurgeBase).MaxBy(c => c.Sequence);
        genuine = genuine.Where(c => !c.IsPurgeBase && c.Sequence > (purgeBase?.Sequence ?? 0)).ToList();
        var hashesAtCheckpoints = genuine.Select(c => c.Sequence).ToHashSet().ToDictionary(s => s, _ => (string?)null);

        long checkedCount = 0, lastSequence = purgeBase?.Sequence ?? 0;
        var previousHash = purgeBase?.Hash ?? AuditHash.Genesis;
        // A checkpoint job that runs late is no break; one that has not run for two intervals is.
        var coverDeadline = clock.GetUtcNow().UtcDateTime - 2 * AuditCheckpoints.Interval(configuration);
        long newestDueForCover = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > lastSequence)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;

            foreach (var e in batch)
            {
                if (e.Sequence != lastSequence + 1) breaks.AddRange(lastSequence + 1, e.Sequence - 1, ChainBreak.Missing);
                else if (e.PreviousHash != previousHash) breaks.Add(e.Sequence, ChainBreak.Unlinked);
                if (e.HashKind == AuditHashKind.Sha256 && hasher.MustBeKeyed(e)) breaks.Add(e.Sequence, ChainBreak.Downgraded);
                else if (e.Hash != hasher.Compute(e)) breaks.Add(e.Sequence, ChainBreak.Altered);
                if (e.OccurredAtUtc < coverDeadline) newestDueForCover = e.Sequence;
                if (hashesAtCheckpoints.ContainsKey(e.Sequence)) hashesAtCheckpoints[e.Sequence] = e.Hash;
                // Carry on from this event, so that one break does not hide the ones after it.
                lastSequence = e.Sequence;
                previousHash = e.Hash;
                checkedCount++;
            }
            if (reportProgress is not null) await reportProgress(checkedCount);
        }

        foreach (var checkpoint in genuine)
        {
            if (checkpoint.Sequence > lastSequence) breaks.Add(checkpoint.Sequence, ChainBreak.Truncated);
            else if (hashesAtCheckpoints[checkpoint.Sequence] != checkpoint.Hash) breaks.Add(checkpoint.Sequence, ChainBreak.CheckpointMismatch);
        }
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var unsealed = await db.PendingAuditEvents.CountAsync(cancellationToken);
            if (unsealed > 0) breaks.AddRange(lastSequence + 1, lastSequence + unsealed, ChainBreak.Unsealed);
        }
        var coveredThrough = genuine.Select(c => c.Sequence).Append(purgeBase?.Sequence ?? 0).Max();
        if (newestDueForCover > coveredThrough) breaks.Add(coveredThrough + 1, ChainBreak.Uncovered);
        return new ChainVerification(checkedCount, signed.Count, breaks.Listed.OrderBy(b => b.Sequence).ToList(), breaks.Count);
    }

    private sealed class Breaks
    {
        private readonly HashSet<ChainBreakAt> _listed = [];

        public int Count { get; private set; }
        public IEnumerable<ChainBreakAt> Listed => _listed;

        /// <summary>Every sequence from first to last: each of several events removed together is a break of its own.</summary>
        public void AddRange(long first, long last, ChainBreak kind)
        {
            for (var sequence = first; sequence <= last; sequence++)
            {
                if (_listed.Count >= MaxListedBreaks)
                {
                    Count = (int)Math.Min(int.MaxValue, Count + last - sequence + 1);
                    return;
                }
                Add(sequence, kind);
            }
        }

        public void Add(long sequence, ChainBreak kind)
        {
            if (_listed.Count >= MaxListedBreaks) Count++;
            else if (_listed.Add(new ChainBreakAt(sequence, kind))) Count++;
        }
    }
}
