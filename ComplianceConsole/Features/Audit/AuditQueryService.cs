using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

public sealed record AuditFilter(string? Actor = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

public enum AuditPageDirection { First, Older, Newer }

public sealed record AuditRow(long Sequence, DateTime OccurredAtUtc, string ActorName, string Action,
    string? TargetType, string? TargetId, string? Details, string? IpAddress);

public sealed record AuditEventPage(IReadOnlyList<AuditRow> Rows, bool HasOlder, bool HasNewer);

/// <summary>Reads the audit log newest first, with keyset paging on the sequence number.</summary>
public sealed class AuditQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard)
{
    public async Task<AuditEventPage> GetPageAsync(AuditFilter filter, AuditPageDirection direction, long? cursor,
        int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(AuditPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db.AuditEvents.AsNoTracking(), filter);

        var window = direction switch
        {
            AuditPageDirection.Older when cursor is not null => query.Where(e => e.Sequence < cursor).OrderByDescending(e => e.Sequence),
            AuditPageDirection.Newer when cursor is not null => query.Where(e => e.Sequence > cursor).OrderBy(e => e.Sequence),
            _ => query.OrderByDescending(e => e.Sequence),
        };
        var rows = await window.Take(pageSize + 1)
            .Select(e => new AuditRow(e.Sequence, e.OccurredAtUtc, e.ActorName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress))
            .ToListAsync(cancellationToken);

        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (direction == AuditPageDirection.Newer) rows.Reverse();
        if (rows.Count == 0) return new AuditEventPage(rows, false, false);

        var oldestShown = rows[^1].Sequence;
        var hasOlder = direction == AuditPageDirection.Newer
            ? await query.AnyAsync(e => e.Sequence < oldestShown, cancellationToken)
            : more;
        var hasNewer = direction switch
        {
            AuditPageDirection.Newer => more,
            AuditPageDirection.Older => true,
            _ => false,
        };
        return new AuditEventPage(rows, hasOlder, hasNewer);
    }

    /// <summary>Staff names that appear in the log, for the actor filter.</summary>
    public async Task<IReadOnlyList<string>> GetActorsAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(AuditPermissions.Read);
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
