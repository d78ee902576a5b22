using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Data;

/// <summary>
/// A lock a writing transaction holds on PostgreSQL from its start to its commit, for work that reads what it then writes over
/// where only other holders of the same lock could change it in between (row versions guard the rest). Holders in
/// <see cref="Shared"/> mode go together and exclude only the exclusive holders: a batch of content rewrites the cases it
/// read, so it excludes decisions on cases, while decisions, guarded by each case's version, go side by side.
/// </summary>
public sealed record WriteLock(long Key, bool Shared)
{
    // Application-wide constants: PostgreSQL's advisory locks are named by a number per database.
    private const long ReviewCasesKey = 0x4343_5265_7669_6577; // "CCReview"
    private const long HashBanksKey = 0x4343_4861_7368_426B; // "CCHashBk"
    private const long SearchIndexKey = 0x4343_5365_6172_6368; // "CCSearch"
    private const long AuditCheckpointsKey = 0x4343_4368_6B70_6E74; // "CCChkpnt"

    /// <summary>Content and flag batches: they read items and cases, then write them over.</summary>
    public static readonly WriteLock ReviewCasesExclusive = new(ReviewCasesKey, Shared: false);

    /// <summary>Decisions on cases: each checks its case's version, but must not land between a batch's read and its write.</summary>
    public static readonly WriteLock ReviewCasesShared = new(ReviewCasesKey, Shared: true);

    /// <summary>
    /// Adding hashes to banks and removing them: ids of entries and of removals are taken and committed in order, so an instance
    /// reading those newer than the last it saw (<c>HashBankLibrary</c>) never skips one committed late under a lower id.
    /// </summary>
    public static readonly WriteLock HashBankEntries = new(HashBanksKey, Shared: false);

    /// <summary>A pass of the search indexer: one at a time across instances, so no item's terms are written twice.</summary>
    public static readonly WriteLock SearchIndex = new(SearchIndexKey, Shared: false);

    /// <summary>Signing the chain's head: one signer at a time across instances, so a head is signed once.</summary>
    public static readonly WriteLock AuditCheckpoints = new(AuditCheckpointsKey, Shared: false);
}

/// <summary>
/// The gate every writing transaction passes. On PostgreSQL writers go side by side (the audit chain is written behind them, see
/// <c>AuditChain</c>), holding only a <see cref="WriteLock"/> where their work needs one; a lock is transaction-scoped, so it ends
/// with the transaction whatever becomes of the process, and it is waited for no longer than the server's <c>lock_timeout</c>.
/// SQLite has one writer by design, so there every write, audited or not (<see cref="BeginUnauditedAsync"/>), waits its turn in a
/// process-wide queue and runs on the one connection the writers share (<see cref="SqliteWriterConnection"/>); the
/// transaction's own <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default) holds the database's write lock from its start.
/// </summary>
public sealed class DatabaseWriteGate : IDisposable
{
    private readonly SemaphoreSlim _sqliteWriters = new(1, 1);
    private readonly SqliteWriterConnection _sqliteWriter = new();

    /// <summary>Begins the context's transaction, holding <paramref name="writeLock"/> on PostgreSQL; disposing the result ends both.</summary>
    public async Task<GatedTransaction> BeginAsync(AppDbContext db, WriteLock? writeLock, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()) return await BeginSqliteAsync(db, cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (writeLock is { Shared: true }) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({writeLock.Key})", cancellationToken);
            else if (writeLock is not null) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({writeLock.Key})", cancellationToken);
            return new GatedTransaction(transaction, null);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A transaction for a write that appends no audit event (a job's progress): on PostgreSQL a plain one; on SQLite one that
    /// waits its turn with the other writers and runs on their connection, because a write on another connection would empty
    /// that one's page cache.
    /// </summary>
    public Task<GatedTransaction> BeginUnauditedAsync(AppDbContext db, CancellationToken cancellationToken) => BeginAsync(db, null, cancellationToken);

    private async Task<GatedTransaction> BeginSqliteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await _sqliteWriters.WaitAsync(cancellationToken);
        var lent = false;
        try
        {
            lent = await _sqliteWriter.LendAsync(db, cancellationToken);
            return new GatedTransaction(await db.Database.BeginTransactionAsync(cancellationToken), _sqliteWriters, lent ? db : null);
        }
        catch
        {
            if (lent) SqliteWriterConnection.GiveBack(db);
            _sqliteWriters.Release();
            throw;
        }
    }

    /// <summary>Closes the writers' connection once no writer is on it (or after five seconds: the app is stopping).</summary>
    public void Dispose()
    {
        if (_sqliteWriters.Wait(TimeSpan.FromSeconds(5))) _sqliteWriter.Dispose();
    }
}

/// <summary>A transaction that holds its place at the <see cref="DatabaseWriteGate"/> (and on SQLite the writers' connection, lent to its context) until it is disposed.</summary>
public sealed class GatedTransaction(IDbContextTransaction transaction, SemaphoreSlim? heldQueue, AppDbContext? borrower = null) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            if (borrower is not null) SqliteWriterConnection.GiveBack(borrower);
        }
        finally
        {
            heldQueue?.Release();
        }
    }
}
