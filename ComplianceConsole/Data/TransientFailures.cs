using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// What a database restart or failover looks like from here (a refused or dropped connection, "the database system is shutting
/// down", a pool that cannot open a connection in time), and how work survives one: EF Core retries an operation that is not part
/// of a transaction the code began (<see cref="TransientRetryStrategy"/>); work that is one transaction from its start to its
/// commit is retried whole by <see cref="RetryAsync{T}"/>.
/// </summary>
public static class TransientFailures
{
    /// <summary>How many times an operation is tried again (<see cref="DefaultRetries"/> unless configured), and the longest wait between two tries (the waits grow: about 1, 3, 5, 5, 5 s).</summary>
    public const string RetriesKey = "ComplianceConsole:Database:Retries";

    public const int DefaultRetries = 5;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>What an answer that the database is unavailable asks the caller to wait before trying again (Retry-After).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    // PostgreSQL 14's code for a session ended by idle_in_transaction_session_timeout; Npgsql's list names it not.
    private const string IdleInTransactionSessionTimeout = "25P03";

    /// <summary>Whether the failure (or one it wraps) is the database being briefly unreachable, not a fault of the request.</summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or NpgsqlException { IsTransient: true }) return true;
            // A lock not granted within lock_timeout, or a session the server ended after idling in its transaction (DatabaseSettings):
            // the other side stalled, and the same work a moment later succeeds.
            if (e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or IdleInTransactionSessionTimeout }) return true;
        }
        return false;
    }

    /// <summary>
    /// Runs <paramref name="work"/> (which opens its own contexts and transaction) again from its start after a transient failure,
    /// on PostgreSQL; on SQLite, which has no such failures, once. Work whose commit may have been reached when the connection
    /// dropped must tell on its next try that it was done (a decided case refuses a second decision).
    /// </summary>
    public static async Task<T> RetryAsync<T>(this IDbContextFactory<AppDbContext> contexts, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(_ => work(), cancellationToken);
    }
}

/// <summary>
/// EF Core's retrying strategy for Npgsql, except inside a transaction the code began: retrying one statement of a transaction the
/// server has rolled back would run it outside that transaction, on a new connection (EF's own answer is to refuse such
/// transactions outright). Such a statement runs once; a failure ends the transaction, and
/// <see cref="TransientFailures.RetryAsync{T}"/> is how its whole work is tried again.
/// </summary>
internal sealed class TransientRetryStrategy(ExecutionStrategyDependencies dependencies, int retries)
    : Npgsql.EntityFrameworkCore.PostgreSQL.NpgsqlRetryingExecutionStrategy(dependencies, retries, TransientFailures.MaxRetryDelay, null)
{
    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    /// <summary>
    /// Said false although it retries: EF reads it to buffer every query's whole result before the first row when a strategy
    /// retries (an export of a million rows would sit in memory), and to refuse transactions the code began. Queries stream
    /// instead; their opening is still retried, a failure once rows are read is not (the caller sees it, as without retries).
    /// </summary>
    public override bool RetriesOnFailure => false;

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InTransaction ? operation(Dependencies.CurrentContext.Context, state) : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        InTransaction ? operation(Dependencies.CurrentContext.Context, state, cancellationToken) : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
}
