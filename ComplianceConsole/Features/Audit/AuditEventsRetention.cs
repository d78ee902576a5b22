using ComplianceConsole.Data;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The oldest audit events: the run of them, from the start of the chain, up to the first event newer than the cutoff (never
/// the newest event, which the next one links to). Before any goes, the purge signs a base the chain is verified from.
/// </summary>
internal sealed class AuditEventsTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.AuditEvents;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc) =>
        db.AuditEvents
            .Where(e => e.Sequence < (db.AuditEvents.Where(x => x.OccurredAtUtc > cutoffUtc).Min(x => (long?)x.Sequence)
                ?? db.AuditEvents.Max(x => (long?)x.Sequence)))
            .Select(e => e.Sequence);

    public Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken) =>
        db.AuditEvents.Where(e => keys.Contains(e.Sequence)).ExecuteDeleteAsync(cancellationToken);
}
