using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>A platform user's sanctions: listed for anyone who reads cases, lifted early by a Manager with a reason.</summary>
public sealed class SanctionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    ReviewCaseQueryService queries, TimeProvider clock)
{
    public const int MinLiftReasonLength = 4;

    public async Task<IReadOnlyList<SanctionRow>> ListAsync(long platformUserId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await queries.SanctionsOfAsync(db, platformUserId, cancellationToken);
    }

    public async Task<Result> LiftAsync(long sanctionId, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Supervise);
        var why = reason?.Trim() ?? "";
        if (why.Length < MinLiftReasonLength) return Result.Invalid([new FieldError("Reason", "Review.Sanction.LiftReasonRequired", MinLiftReasonLength)]);
        if (why.Length > ContentRules.MaxNoteLength) return Result.Invalid([new FieldError("Reason", "Review.TextTooLong", ContentRules.MaxNoteLength)]);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var sanction = await db.Sanctions.AsNoTracking().Where(s => s.Id == sanctionId)
            .Select(s => new { s.PlatformUserId, s.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (sanction is null) return Result.Refused("Review.Sanction.NotFound");
        // One conditional update: of two Managers lifting at once, the second finds it lifted and is told so.
        var lifted = await db.Sanctions.Where(s => s.Id == sanctionId && s.LiftedAtUtc == null && (s.EndsAtUtc == null || s.EndsAtUtc > now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LiftedAtUtc, now).SetProperty(s => s.LiftedByName, actor.ShownName)
                .SetProperty(s => s.LiftReason, why), cancellationToken);
        if (lifted == 0) return Result.Refused("Review.Sanction.NotInForce");
        await ReviewPlatformEvents.SanctionLiftedAsync(db, sanctionId, now, cancellationToken);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.SanctionLifted, nameof(Sanction), sanctionId.ToString(),
            new { platformUser = sanction.PlatformUserId, sanction.Kind, reason = why }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        return Result.Ok;
    }
}
