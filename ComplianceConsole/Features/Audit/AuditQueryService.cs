using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

public sealed record AuditFilter(string? Actor = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

public sealed record AuditRow(long Sequence, DateTime OccurredAtUtc, string ActorName, string Action,
    string? TargetType, string? TargetId, string? Details, string? IpAddress);

/// <summary>
/// Reads the audit log newest first, with keyset paging on the sequence number; events committed and still waiting to be chained
/// are chained first, so an action done a moment ago is there.
/// </summary>
public sealed class AuditQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditChain chain)
{
    public async Task<KeysetPage<AuditRow>> GetPageAsync(AuditFilter filter, PageAnchor anchor, long? cursor,
        int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(AuditPermissions.Read);
        await chain.ChainWaitingAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db.AuditEvents.AsNoTracking(), filter).Seek(e => e.Sequence, descending: true, anchor, cursor)
            .Select(e => new AuditRow(e.Sequence, e.OccurredAtUtc, e.ActorName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress))
            .ReadPageAsync(pageSize, anchor, cancellationToken);
    }

    /// <summary>Staff names that appear in the log, for the actor filter.</summary>
    public async Task<IReadOnlyList<string>> GetActorsAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(AuditPermissions.Read);
        await chain.ChainWaitingAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.AsNoTracking().Select(e => e.ActorName).Distinct().OrderBy(n => n).Take(500).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEvent> Filtered(IQueryable<AuditEvent> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Actor)) query = query.Where(e => e.ActorName == filter.Actor);
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action == filter.Action);
        if (filter.FromUtc is { } from) query = query.Where(e => e.OccurredAtUtc >= from);
        if (filter.ToUtc is { } to) query = query.Where(e => e.OccurredAtUtc < to);
        return query;
    }
}
