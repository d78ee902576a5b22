using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Data;

/// <summary>
/// The audit chain has one writer at a time, from the start of its transaction to the commit, so each new event reads the
/// true last one. On PostgreSQL that is a transaction-scoped advisory lock: it holds across every instance sharing the
/// database and ends with the transaction, whatever becomes of the process. SQLite is one process by design: a process-wide
/// queue lets writers in one by one, and the transaction's own <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default)
/// holds the database's write lock from its start.
/// </summary>
public sealed class AuditChainLock
{
    // An app-wide constant: PostgreSQL's advisory locks are named by a number per database, and nothing else here takes one.
    private const long AdvisoryKey = 0x4343_4175_6469_74; // "CCAudit"

    private readonly SemaphoreSlim _sqliteWriters = new(1, 1);

    /// <summary>Begins the context's transaction holding the chain's lock; disposing the result ends both.</summary>
    public async Task<ChainTransaction> BeginAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await TakeAdvisoryLockAsync(db, cancellationToken);
                return new ChainTransaction(transaction, null);
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }
        await _sqliteWriters.WaitAsync(cancellationToken);
        try
        {
            return new ChainTransaction(await db.Database.BeginTransactionAsync(cancellationToken), _sqliteWriters);
        }
        catch
        {
            _sqliteWriters.Release();
            throw;
        }
    }

    /// <summary>
    /// For an append inside a transaction the caller began itself: PostgreSQL's lock is taken now (again, if held already);
    /// a SQLite transaction holds the write lock since its start.
    /// </summary>
    public static Task JoinAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql() ? TakeAdvisoryLockAsync(db, cancellationToken) : Task.CompletedTask;

    private static Task TakeAdvisoryLockAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryKey})", cancellationToken);
}

/// <summary>A transaction that holds the audit chain's lock until it is disposed.</summary>
public sealed class ChainTransaction(IDbContextTransaction transaction, SemaphoreSlim? heldQueue) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        heldQueue?.Release();
    }
}
