using System.Data.Common;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// Gives each event its place in the chain. On SQLite, which has one writer, the writer chains its own event in its transaction.
/// On PostgreSQL writers never wait on each other for the chain's head: each commits its event sealed (<see cref="PendingAuditEvent"/>),
/// and a chaining pass, one at a time across instances (a transaction-scoped advisory lock, waited for at most a second), reads the
/// head once and links every waiting event in order, the way an append-only log sequences what it was sent. A writer, once
/// committed, waits for a pass that began after its commit, so its event is in the chain when its action returns (one pass serves
/// every writer before it); a pass every second (<see cref="AuditChainKeeper"/>) takes whatever a writer could not. A waiting row
/// without the console's seal, or a copy of one already chained, is never chained, and verification reports it.
/// </summary>
public sealed class AuditChain(IDbContextFactory<AppDbContext> contextFactory, AuditHash hasher, ILogger<AuditChain> logger)
{
    // An app-wide constant: PostgreSQL's advisory locks are named by a number per database.
    internal const long ChainLockKey = 0x4343_4175_6469_74; // "CCAudit"

    private const int PassSize = 2_000;

    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly HashSet<Guid> _refused = [];
    private long _committed, _chainedThrough, _heldElsewhereUntil;

    public sealed record Head(long Sequence, string Hash);

    /// <summary>
    /// After a writer's commit: returns once a pass that began after it has run, or failed (the keeper's next pass takes the event).
    /// Once a pass found the chain held elsewhere for a second, writers do not queue up to wait a second each: until the keeper's
    /// next pass, their events wait for it.
    /// </summary>
    public async Task ChainAfterCommitAsync()
    {
        var ticket = Interlocked.Increment(ref _committed);
        await _pass.WaitAsync();
        try
        {
            if (Volatile.Read(ref _chainedThrough) >= ticket) return;
            var upTo = Volatile.Read(ref _committed);
            var chained = Environment.TickCount64 >= _heldElsewhereUntil && await TryChainWaitingAsync(waitForLock: true, CancellationToken.None);
            if (!chained) _heldElsewhereUntil = Environment.TickCount64 + 1_000;
            Volatile.Write(ref _chainedThrough, upTo);
        }
        catch (Exception failed) when (failed is DbException or TimeoutException or DbUpdateException)
        {
            logger.LogWarning(failed, "Audit events committed but not chained yet: the next pass chains them.");
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Chains every event waiting now; false when another instance held the chain for over a second.</summary>
    public async Task<bool> ChainWaitingAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            return await TryChainWaitingAsync(waitForLock: true, cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>
    /// The keeper's pass: only if no writer's pass is running here and the chain is free now, so that while another instance
    /// holds the chain the keeper never keeps a writer waiting.
    /// </summary>
    public async Task ChainLeftoversAsync(CancellationToken cancellationToken)
    {
        if (!await _pass.WaitAsync(0, cancellationToken)) return;
        try
        {
            await TryChainWaitingAsync(waitForLock: false, cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<bool> TryChainWaitingAsync(bool waitForLock, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsNpgsql()) return true; // SQLite's writer chains its own events
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The pass commits without waiting for its flush to disk: a pass lost in a crash leaves its events waiting, to be
            // chained again. A checkpoint's own commit, which waits, flushes every pass before it, so nothing signed is ever lost.
            if (!await TryLockAsync(db, waitForLock, cancellationToken, commitWithoutFlush: true)) return false;
            var (_, more) = await ChainWaitingInAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (!more) return true;
        }
    }

    /// <summary>
    /// For an event that must know its own place (a key rotation names the sequence its new key starts from): takes the chain's
    /// lock in the caller's PostgreSQL transaction, chains every event waiting, and returns the head the caller appends after.
    /// </summary>
    internal async Task<Head> HoldHeadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!await TryLockAsync(db, wait: true, cancellationToken)) throw new TimeoutException("Another instance held the audit chain for over a second.");
        while (true)
        {
            var (head, more) = await ChainWaitingInAsync(db, cancellationToken);
            if (!more) return head;
        }
    }

    /// <summary>Chains up to a pass's worth of waiting events in the caller's transaction, which holds the lock.</summary>
    private async Task<(Head Head, bool More)> ChainWaitingInAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(db, cancellationToken);
        var read = await (from pending in db.PendingAuditEvents.AsNoTracking()
                          orderby pending.OccurredAtUtc, pending.EntryId
                          select new { Event = pending, AlreadyChained = db.AuditEvents.Any(e => e.EntryId == pending.EntryId) })
            .Take(PassSize).ToListAsync(cancellationToken);
        var waiting = read.Select(r => r.Event).ToList();
        var chainable = read.Where(r => !r.AlreadyChained && hasher.IsSealed(r.Event)).Select(r => r.Event).ToList();
        foreach (var refused in waiting.Except(chainable).Where(e => _refused.Add(e.EntryId)))
        {
            logger.LogError("Audit event {EntryId} waiting to be chained is not sealed by this console or was chained before: it is left out of the chain and audit verification reports it.", refused.EntryId);
        }
        if (chainable.Count == 0) return (head, false);

        foreach (var entry in chainable) head = Append(db, hasher, head, entry);
        await db.SaveChangesAsync(cancellationToken);
        var chainedIds = chainable.Select(e => e.EntryId).ToList();
        await db.PendingAuditEvents.Where(e => chainedIds.Contains(e.EntryId)).ExecuteDeleteAsync(cancellationToken);
        return (head, waiting.Count == PassSize);
    }

    /// <summary>The chain's newest event, or the genesis for an empty chain.</summary>
    internal static async Task<Head> HeadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new Head(e.Sequence, e.Hash))
            .FirstOrDefaultAsync(cancellationToken) ?? new Head(0, AuditHash.Genesis);

    /// <summary>Adds the event after <paramref name="head"/> to the context; returns the new head.</summary>
    internal static Head Append(AppDbContext db, AuditHash hasher, Head head, PendingAuditEvent entry)
    {
        var evt = new AuditEvent
        {
            Sequence = head.Sequence + 1,
            EntryId = entry.EntryId,
            OccurredAtUtc = entry.OccurredAtUtc,
            ActorId = entry.ActorId,
            ActorName = entry.ActorName,
            Action = entry.Action,
            TargetType = entry.TargetType,
            TargetId = entry.TargetId,
            Details = entry.Details,
            IpAddress = entry.IpAddress,
            PreviousHash = head.Hash,
            HashKind = AuditHashKind.KeyedHmac,
        };
        evt.Hash = hasher.Compute(evt);
        db.AuditEvents.Add(evt);
        return new Head(evt.Sequence, evt.Hash);
    }

    /// <summary>
    /// The chain's lock for this transaction, waited for at most a second (or not at all): an instance frozen while it chains holds
    /// nobody's action up (their events wait for the next pass), and PostgreSQL ends its transaction once it has idled too long.
    /// </summary>
    internal static async Task<bool> TryLockAsync(AppDbContext db, bool wait, CancellationToken cancellationToken, bool commitWithoutFlush = false)
    {
        var synchronousCommit = commitWithoutFlush ? "off" : "on";
        if (!wait)
        {
            return (await db.Database.SqlQuery<bool>($"""
                SELECT set_config('synchronous_commit', {synchronousCommit}, true) IS NOT NULL AND pg_try_advisory_xact_lock({ChainLockKey}) AS "Value"
                """).ToListAsync(cancellationToken)).Single();
        }
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"SELECT set_config('synchronous_commit', {synchronousCommit}, true), set_config('lock_timeout', '1s', true), pg_advisory_xact_lock({ChainLockKey})",
                cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }
}
