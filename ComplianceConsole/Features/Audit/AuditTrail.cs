using System.Text.Json;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The one way to write audit events: each is saved in the same transaction as the change it records, and takes its place in
/// the chain at once on SQLite or right after the commit on PostgreSQL, without the writer waiting for it (<see cref="AuditChain"/>).
/// </summary>
public sealed class AuditTrail(TimeProvider clock, AuditHash hasher, DatabaseWriteGate writeGate, AuditChain chain)
{
    /// <summary>
    /// For work that writes more than the audit event in one transaction (a claim, a decision, staff changes through Identity):
    /// begins the context's transaction at the <see cref="DatabaseWriteGate"/>, holding <paramref name="writeLock"/> if the work
    /// reads what it then writes over and only other holders of that lock could change in between. Append through the returned
    /// transaction and commit it; disposing it without a commit rolls back.
    /// </summary>
    public async Task<AuditedTransaction> BeginAsync(AppDbContext db, WriteLock? writeLock = null, CancellationToken cancellationToken = default) =>
        new(this, db, await writeGate.BeginAsync(db, writeLock, cancellationToken));

    public sealed class AuditedTransaction(AuditTrail trail, AppDbContext db, GatedTransaction transaction) : IAsyncDisposable
    {
        public Task SaveWithAuditAsync(AppDbContext context, AuditActor actor, string action, string? targetType = null,
            string? targetId = null, object? details = null, CancellationToken cancellationToken = default) =>
            trail.AppendAndSaveAsync(context, actor, action, targetType, targetId, details, cancellationToken);

        /// <summary>Commits; on PostgreSQL the events saved in it are chained by the next pass.</summary>
        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await transaction.CommitAsync(cancellationToken);
            trail.Committed(db);
        }

        /// <summary>
        /// Saves an event that must know its own place in the chain (a key rotation names where its new key starts): chained in this
        /// transaction, after every event waiting; <paramref name="details"/> is given the event's sequence. Returns it.
        /// </summary>
        public Task<long> SaveAtHeadWithAuditAsync(AuditActor actor, string action, Func<long, object> details, CancellationToken cancellationToken = default) =>
            trail.AppendChainedAndSaveAsync(db, actor, action, null, null, details, cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    /// <summary>Saves the context's pending changes with the audit event, in a transaction of its own unless the caller began one.</summary>
    public async Task SaveWithAuditAsync(AppDbContext db, AuditActor actor, string action, string? targetType = null,
        string? targetId = null, object? details = null, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // The caller commits: on PostgreSQL the next chaining pass takes the event.
            await AppendAndSaveAsync(db, actor, action, targetType, targetId, details, cancellationToken);
            return;
        }
        await using var transaction = await BeginAsync(db, cancellationToken: cancellationToken);
        // Nothing follows a failed save in this transaction but its rollback, so EF Core's savepoint before the save (and its
        // release after: two statements, on PostgreSQL two round trips) would be kept for nothing.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await AppendAndSaveAsync(db, actor, action, targetType, targetId, details, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    /// <summary>Writes an event that records no other change (a sign-in, a reveal, a verification run), tried again whole through a database restart.</summary>
    public Task RecordAsync(IDbContextFactory<AppDbContext> contextFactory, AuditActor actor, string action,
        string? targetType = null, string? targetId = null, object? details = null, CancellationToken cancellationToken = default) =>
        contextFactory.RetryAsync(async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await SaveWithAuditAsync(db, actor, action, targetType, targetId, details, cancellationToken);
            return true;
        }, cancellationToken);

    private static bool ChainsBehind(AppDbContext db) => db.Database.IsNpgsql();

    // Only a transaction that saved an event asks for a pass: an unchanged batch or a refused claim commits and goes.
    private void Committed(AppDbContext db)
    {
        if (ChainsBehind(db) && db.ChangeTracker.Entries<PendingAuditEvent>().Any()) chain.Committed.Set();
    }

    /// <summary>
    /// Saves the event with the caller's pending changes: chained now on SQLite (the one writer holds the database), sealed and
    /// waiting for the chaining pass on PostgreSQL.
    /// </summary>
    private async Task AppendAndSaveAsync(AppDbContext db, AuditActor actor, string action, string? targetType,
        string? targetId, object? details, CancellationToken cancellationToken)
    {
        if (!ChainsBehind(db))
        {
            await AppendChainedAndSaveAsync(db, actor, action, targetType, targetId, _ => details, cancellationToken);
            return;
        }
        var entry = Entry(actor, action, targetType, targetId, details);
        entry.Seal = hasher.Seal(entry);
        db.PendingAuditEvents.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<long> AppendChainedAndSaveAsync(AppDbContext db, AuditActor actor, string action, string? targetType,
        string? targetId, Func<long, object?> details, CancellationToken cancellationToken)
    {
        var head = ChainsBehind(db) ? await chain.HoldHeadAsync(db, cancellationToken) : await AuditChain.HeadAsync(db, cancellationToken);
        var sequence = AuditChain.Append(db, hasher, head, Entry(actor, action, targetType, targetId, details(head.Sequence + 1))).Sequence;
        await db.SaveChangesAsync(cancellationToken);
        return sequence;
    }

    private PendingAuditEvent Entry(AuditActor actor, string action, string? targetType, string? targetId, object? details) => new()
    {
        EntryId = Guid.CreateVersion7(clock.GetUtcNow()),
        OccurredAtUtc = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
        ActorId = actor.Id,
        ActorName = actor.Name,
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
        Details = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
        IpAddress = actor.IpAddress,
    };

    // Databases keep microseconds at most; hashing the stored value keeps verification exact.
    internal static DateTime TruncateToMicroseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    // Enums by name, so the stored details read without the code (events written before this hold numbers).
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
