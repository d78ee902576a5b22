using System.Text.Json;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The one way to write audit events: <see cref="SaveWithAuditAsync"/> appends the event to the chain and
/// saves it in the same transaction as the caller's pending changes.
/// </summary>
public sealed class AuditTrail(TimeProvider clock, AuditHash hasher)
{
    // The chain is linear: appends from this process are serialised, and the primary key on Sequence
    // makes a second writer (another instance) fail rather than fork the chain.
    private static readonly SemaphoreSlim AppendLock = new(1, 1);

    /// <summary>
    /// For work that opens its own database transaction before it appends (staff changes through Identity):
    /// the append lock is taken first, so a writer holding it never waits on this transaction's write lock.
    /// Append through the returned appender; disposing it releases the lock.
    /// </summary>
    public async Task<ExclusiveAppender> ExclusiveAsync(CancellationToken cancellationToken = default)
    {
        await AppendLock.WaitAsync(cancellationToken);
        return new ExclusiveAppender(this);
    }

    public sealed class ExclusiveAppender(AuditTrail trail) : IAsyncDisposable
    {
        public Task SaveWithAuditAsync(AppDbContext db, AuditActor actor, string action, string? targetType = null,
            string? targetId = null, object? details = null, CancellationToken cancellationToken = default) =>
            trail.AppendAndSaveAsync(db, actor, action, targetType, targetId, details, cancellationToken);

        public ValueTask DisposeAsync()
        {
            AppendLock.Release();
            return ValueTask.CompletedTask;
        }
    }

    public async Task SaveWithAuditAsync(AppDbContext db, AuditActor actor, string action, string? targetType = null,
        string? targetId = null, object? details = null, CancellationToken cancellationToken = default)
    {
        await AppendLock.WaitAsync(cancellationToken);
        try
        {
            await AppendAndSaveAsync(db, actor, action, targetType, targetId, details, cancellationToken);
        }
        finally
        {
            AppendLock.Release();
        }
    }

    /// <summary>Appends the next event of the chain and saves it with the caller's pending changes; the caller holds the lock.</summary>
    private async Task AppendAndSaveAsync(AppDbContext db, AuditActor actor, string action, string? targetType,
        string? targetId, object? details, CancellationToken cancellationToken)
    {
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
