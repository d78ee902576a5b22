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
}

public sealed record ChainVerification(long EventsChecked, long? BrokenAtSequence, ChainBreak? Break)
{
    public bool Intact => BrokenAtSequence is null;
}

/// <summary>Walks the whole chain in order, in batches, and reports the first broken link.</summary>
public sealed class AuditChainVerifier(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit)
{
    private const int BatchSize = 5_000;

    /// <summary>Verifies the chain for a person on the audit page, and records that they did and what they found.</summary>
    public async Task<ChainVerification> VerifyAndRecordAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(AuditPermissions.Read);
        var result = await VerifyAsync(progress, cancellationToken);
        await audit.RecordAsync(contextFactory, actor, AuditActions.ChainVerified, details: new
        {
            result.EventsChecked, result.Intact, result.BrokenAtSequence, Break = result.Break?.ToString(),
        }, cancellationToken: cancellationToken);
        return result;
    }

    public async Task<ChainVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        long checkedCount = 0, lastSequence = 0;
        var previousHash = AuditHash.Genesis;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > lastSequence)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) return new ChainVerification(checkedCount, null, null);

            foreach (var e in batch)
            {
                var broken = e.Sequence != lastSequence + 1 ? ChainBreak.Missing
                    : e.PreviousHash != previousHash ? ChainBreak.Unlinked
                    : e.Hash != AuditHash.Compute(e) ? ChainBreak.Altered
                    : (ChainBreak?)null;
                if (broken is not null)
                {
                    var at = broken == ChainBreak.Missing ? lastSequence + 1 : e.Sequence;
                    return new ChainVerification(checkedCount, at, broken);
                }
                lastSequence = e.Sequence;
                previousHash = e.Hash;
                checkedCount++;
            }
            progress?.Report(checkedCount);
        }
    }
}
