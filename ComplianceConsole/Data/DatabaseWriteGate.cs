using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Data;

/// <summary>
/// The gate every writing transaction passes. Audited writes go one at a time, from the start of their transaction to the
/// commit, so each new audit event reads the true last one: on PostgreSQL a transaction-scoped advisory lock, which holds
/// across every instance sharing the database and ends with the transaction whatever becomes of the process. SQLite has
/// one writer by design, so there every write, audited or not (<see cref="BeginUnauditedAsync"/>), waits its turn in a
/// process-wide queue and runs on the one connection the writers share (<see cref="SqliteWriterConnection"/>); the
/// transaction's own <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default) holds the database's write lock from its start.
/// </summary>
public sealed class DatabaseWriteGate : IDisposable
{
    // An app-wide constant: PostgreSQL's advisory locks are named by a number per database, and nothing else here takes one.
    private const long AdvisoryKey = 0x4343_4175_6469_74; // "CCAudit"

    private readonly SemaphoreSlim _sqliteWriters = new(1, 1);
    private readonly SqliteWriterConnection _sqliteWriter = new();

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
        return await BeginSqliteAsync(db, cancellationToken);
    }

    /// <summary>
    /// A transaction for a write that appends no audit event (a job's progress): on PostgreSQL a plain one; on SQLite one that
    /// waits its turn with the chain's writers and runs on their connection, because a write on another connection would empty
    /// that one's page cache.
    /// </summary>
    public async Task<ChainTransaction> BeginUnauditedAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? new ChainTransaction(await db.Database.BeginTransactionAsync(cancellationToken), null)
            : await BeginSqliteAsync(db, cancellationToken);

    private async Task<ChainTransaction> BeginSqliteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await _sqliteWriters.WaitAsync(cancellationToken);
        var lent = false;
        try
        {
            lent = await _sqliteWriter.LendAsync(db, cancellationToken);
            return new ChainTransaction(await db.Database.BeginTransactionAsync(cancellationToken), _sqliteWriters, lent ? db : null);
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

    /// <summary>
    /// For an append inside a transaction the caller began itself: PostgreSQL's lock is taken now (again, if held already);
    /// a SQLite transaction holds the write lock since its start.
    /// </summary>
    public static Task JoinAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql() ? TakeAdvisoryLockAsync(db, cancellationToken) : Task.CompletedTask;

    private static Task TakeAdvisoryLockAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryKey})", cancellationToken);
}

/// <summary>A transaction that holds its place at the <see cref="DatabaseWriteGate"/> (and on SQLite the writers' connection, lent to its context) until it is disposed.</summary>
public sealed class ChainTransaction(IDbContextTransaction transaction, SemaphoreSlim? heldQueue, AppDbContext? borrower = null) : IAsyncDisposable
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
