using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Retention;

/// <summary>
/// The platform tells the console that an account was closed: from then the retention of its verification records runs
/// (<see cref="RetentionKind.VerificationRecords"/>). Saying it again keeps the first time; audited once.
/// </summary>
public sealed class AccountClosureService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    /// <summary>When the account counts as closed, or null for a user the console does not know.</summary>
    public async Task<DateTime?> CloseFromPlatformAsync(string externalId, DateTime? closedAtUtc, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Submit);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.PlatformUsers().SingleOrDefaultAsync(u => u.ExternalId == externalId, cancellationToken);
        if (user is null) return null;
        if (user.ClosedAtUtc is { } already) return already;
        var now = clock.GetUtcNow().UtcDateTime;
        // A closure reported for the future would start the clock early: it counts from now at the latest.
        user.ClosedAtUtc = AuditTrail.TruncateToMicroseconds(closedAtUtc is { } at && at < now ? at : now);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.AccountClosed, "PlatformUser", externalId, new { ClosedAt = user.ClosedAtUtc }, cancellationToken);
        return user.ClosedAtUtc;
    }

    /// <summary>A platform user's id and when their account was closed (null while open), for the pages that show the user.</summary>
    public async Task<(long Id, DateTime? ClosedAtUtc)?> FindAsync(string externalId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.PlatformUsers().AsNoTracking().Where(u => u.ExternalId == externalId).Select(u => new { u.Id, u.ClosedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        return user is null ? null : (user.Id, user.ClosedAtUtc);
    }
}
