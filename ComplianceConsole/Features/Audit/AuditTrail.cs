using System.Text.Json;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The one way to write audit events: <see cref="SaveWithAuditAsync"/> appends the event to the chain and
/// saves it in the same transaction as the caller's pending changes.
/// </summary>
public sealed class AuditTrail(TimeProvider clock, AuditHash hasher, DatabaseWriteGate writeGate)
{
    /// <summary>
    /// For work that writes more than the audit event in one transaction (a claim, a decision, staff changes through
    /// Identity): begins the context's transaction holding the chain's lock (<see cref="DatabaseWriteGate"/>), before the
    /// work takes any row lock, so two writers never wait on each other. Append through the returned appender and commit
    /// it; disposing it without a commit rolls back.
    /// </summary>
    public async Task<ExclusiveAppender> ExclusiveAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        new(this, await writeGate.BeginAsync(db, cancellationToken));

    public sealed class ExclusiveAppender(AuditTrail trail, ChainTransaction transaction) : IAsyncDisposable
    {
        public Task SaveWithAuditAsync(AppDbContext db, AuditActor actor, string action, string? targetType = null,
            string? targetId = null, object? details = null, CancellationToken cancellationToken = default) =>
            trail.AppendAndSaveAsync(db, actor, action, targetType, targetId, details, cancellationToken);

        public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    /// <summary>Saves the context's pending changes with the audit event, in a transaction of its own unless the caller began one.</summary>
    public async Task SaveWithAuditAsync(AppDbContext db, AuditActor actor, string action, string? targetType = null,
        string? targetId = null, object? details = null, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await DatabaseWriteGate.JoinAsync(db, cancellationToken);
            await AppendAndSaveAsync(db, actor, action, targetType, targetId, details, cancellationToken);
            return;
        }
        await using var transaction = await writeGate.BeginAsync(db, cancellationToken);
        await AppendAndSaveAsync(db, actor, action, targetType, targetId, details, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Appends the next event of the chain and saves it with the caller's pending changes; the caller holds the lock.</summary>
    private async Task AppendAndSaveAsync(AppDbContext db, AuditActor actor, string action, string? targetType,
        string? targetId, object? details, CancellationToken cancellationToken)
    {
        var last = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var evt = new AuditEvent
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            OccurredAtUtc = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
            IpAddress = actor.IpAddress,
            PreviousHash = last?.Hash ?? AuditHash.Genesis,
            HashKind = AuditHashKind.KeyedHmac,
        };
        evt.Hash = hasher.Compute(evt);
        db.AuditEvents.Add(evt);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes an event that records no other change (a sign-in, a reveal, a verification run).</summary>
    public async Task RecordAsync(IDbContextFactory<AppDbContext> contextFactory, AuditActor actor, string action,
        string? targetType = null, string? targetId = null, object? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SaveWithAuditAsync(db, actor, action, targetType, targetId, details, cancellationToken);
    }

    // Databases keep microseconds at most; hashing the stored value keeps verification exact.
    internal static DateTime TruncateToMicroseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    // Enums by name, so the stored details read without the code (events written before this hold numbers).
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
