using ComplianceConsole.Common;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// Gives each event its place in the chain. On SQLite, which has one writer, the writer chains its own event in its transaction.
/// On PostgreSQL writers never wait on each other for the chain's head, nor for the chain at all: each commits its event sealed
/// (<see cref="PendingAuditEvent"/>) and goes, the way an append-only log takes what it is sent and sequences it after. A chaining
/// pass, one at a time across instances (a transaction-scoped advisory lock, waited for at most a second), reads the head once and
/// links every waiting event in order; <see cref="AuditChainKeeper"/> runs one shortly after each commit that saved an event, and
/// every second for what any instance left. A reader that must see every committed event (the audit page, exports, verification,
/// retention) chains what is waiting first. A waiting row without the console's seal, or a copy of one already chained, is never
/// chained, and verification reports it.
/// </summary>
public sealed class AuditChain(IDbContextFactory<AppDbContext> contextFactory, AuditHash hasher, ILogger<AuditChain> logger)
{
    // An app-wide constant: PostgreSQL's advisory locks are named by a number per database.
    internal const long ChainLockKey = 0x4343_4175_6469_74; // "CCAudit"

    private const int PassSize = 2_000;

    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly HashSet<Guid> _refused = [];

    public sealed record Head(long Sequence, string Hash);

    /// <summary>Set after a commit that saved events: the keeper's pass follows.</summary>
    internal WakeSignal Committed { get; } = new();

    /// <summary>
    /// Chains every event committed and waiting now, for a reader that must see them all; false when another instance held the chain
    /// for over a second (what waits is chained by the next pass after it).
    /// </summary>
    public async Task<bool> ChainWaitingAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            return await TryChainWaitingAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<bool> TryChainWaitingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsNpgsql()) return true; // SQLite's writer chains its own events
            if (!await db.PendingAuditEvents.AnyAsync(cancellationToken)) return true;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A failed pass is rolled back whole, so EF Core's savepoint around its save (two more round trips a pass) is kept for nothing.
            db.Database.AutoSavepointsEnabled = false;
            // The pass commits without waiting for its flush to disk: a pass lost in a crash leaves its events waiting, to be
            // chained again. A checkpoint's own commit, which waits, flushes every pass before it, so nothing signed is ever lost.
            if (!await TryLockAsync(db, cancellationToken, commitWithoutFlush: true)) return false;
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
        if (!await TryLockAsync(db, cancellationToken)) throw new TimeoutException("Another instance held the audit chain for over a second.");
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
    /// The chain's lock for this transaction, waited for at most a second: an instance frozen while it chains holds nobody's action
    /// up (their events wait for the next pass), and PostgreSQL ends its transaction once it has idled too long.
    /// </summary>
    internal static async Task<bool> TryLockAsync(AppDbContext db, CancellationToken cancellationToken, bool commitWithoutFlush = false)
    {
        var synchronousCommit = commitWithoutFlush ? "off" : "on";
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
