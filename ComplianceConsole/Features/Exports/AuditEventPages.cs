using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// The registers kept by the audit chain (feature library, filings, retention): the events of some actions in the period, a keyset page
/// at a time in (time, sequence) order. The chain is append-only, so a past period's events are the same whenever they are read.
/// </summary>
internal static class AuditEventPages
{
    public static IQueryable<AuditEvent> InPeriod(AppDbContext db, ExportRequest request, string[] actions, DateTime from) =>
        db.AuditEvents.AsNoTracking().Where(e => actions.Contains(e.Action) && e.OccurredAtUtc >= from && e.OccurredAtUtc < request.ToUtc);

    public static async Task<IReadOnlyList<AuditEvent>> PageAsync(IDbContextFactory<AppDbContext> contextFactory, ExportRequest request,
        string[] actions, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = InPeriod(db, request, actions, ExportPaging.Start(request, cursor));
        if (cursor is not null) events = events.Where(e => e.OccurredAtUtc > cursor.At || e.Sequence > cursor.Id);
        return await events.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Sequence).Take(ExportPaging.PageSize).ToListAsync(cancellationToken);
    }

    public static async Task<long> CountAsync(IDbContextFactory<AppDbContext> contextFactory, ExportRequest request, string[] actions,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await InPeriod(db, request, actions, request.FromUtc).LongCountAsync(cancellationToken);
    }

    public static ExportCursor CursorOf(AuditEvent e) => new(e.OccurredAtUtc, e.Sequence);
}
