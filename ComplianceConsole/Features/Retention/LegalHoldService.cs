using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Retention;

public sealed record LegalHoldRow(long Id, LegalHoldTarget Target, long TargetId, string TargetLabel, string Reason, DateTime PlacedAtUtc, string PlacedByName,
    DateTime? LiftedAtUtc, string? LiftedByName, string? LiftReason, int Version)
{
    public bool Active => LiftedAtUtc is null;
}

public sealed class LegalHoldForm
{
    public LegalHoldTarget Target { get; set; } = LegalHoldTarget.PlatformUser;

    /// <summary>The platform's user id, or the review case's number.</summary>
    public string? Reference { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// Legal holds: a Manager puts one on a platform user or a review case with a reason, and lifts it with a reason; while
/// it stands the purge keeps everything of that user or case. Each change is audited in its own transaction.
/// </summary>
public sealed class LegalHoldService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public const int MaxReasonLength = 500;
    public const int MaxListed = 500;

    /// <summary>Holds in force first (newest first), then lifted ones.</summary>
    public async Task<IReadOnlyList<LegalHoldRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db.LegalHolds.AsNoTracking().OrderBy(h => h.LiftedAtUtc != null).ThenByDescending(h => h.Id).Take(MaxListed))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The holds in force on one user or case, for its page; empty for people who may not read the registry.</summary>
    public async Task<IReadOnlyList<LegalHoldRow>> ActiveOnAsync(LegalHoldTarget target, long targetId, CancellationToken cancellationToken = default)
    {
        if (!await guard.HasAsync(RegistryPermissions.Read)) return [];
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db.LegalHolds.AsNoTracking().Where(h => h.Target == target && h.TargetId == targetId && h.LiftedAtUtc == null).OrderBy(h => h.Id))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result> PlaceAsync(LegalHoldForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(form.Target)) errors.Add(new(nameof(form.Target), "Retention.Hold.UnknownTarget"));
        RegistryWrites.RequireText(errors, nameof(form.Reference), form.Reference, 200);
        RegistryWrites.RequireText(errors, nameof(form.Reason), form.Reason, MaxReasonLength);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reference = form.Reference!.Trim();
        var targetId = await FindTargetAsync(db, form.Target, reference, cancellationToken);
        if (targetId is null) return Result.Invalid([new(nameof(form.Reference), $"Retention.Hold.NotFound.{form.Target}", reference)]);
        if (await db.LegalHolds.AnyAsync(h => h.Target == form.Target && h.TargetId == targetId && h.LiftedAtUtc == null, cancellationToken))
        {
            return Result.Refused("Retention.Hold.AlreadyHeld");
        }
        var hold = new LegalHold
        {
            Target = form.Target, TargetId = targetId.Value, TargetLabel = reference, Reason = form.Reason!.Trim(),
            PlacedAtUtc = clock.GetUtcNow().UtcDateTime, PlacedByName = actor.ShownName, Version = 1,
        };
        db.LegalHolds.Add(hold);
        await RegistryWrites.SaveNewWithAuditAsync(db, audit, actor, AuditActions.LegalHoldPlaced, "LegalHold", () => hold.Id,
            () => new { hold.Target, hold.TargetId, hold.TargetLabel, hold.Reason }, cancellationToken);
        return Result.Ok;
    }

    public async Task<Result> LiftAsync(long id, int version, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        var errors = new List<FieldError>();
        RegistryWrites.RequireText(errors, "Reason", reason, MaxReasonLength);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (hold is null || hold.Version != version || hold.LiftedAtUtc is not null) return Result.Conflict;
        hold.LiftedAtUtc = clock.GetUtcNow().UtcDateTime;
        hold.LiftedByName = actor.ShownName;
        hold.LiftReason = reason!.Trim();
        hold.Version++;
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.LegalHoldLifted, "LegalHold", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { hold.Target, hold.TargetId, hold.TargetLabel, Reason = hold.LiftReason }, cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
    }

    private static async Task<long?> FindTargetAsync(AppDbContext db, LegalHoldTarget target, string reference, CancellationToken cancellationToken) => target switch
    {
        LegalHoldTarget.PlatformUser => await db.PlatformUsers().Where(u => u.ExternalId == reference).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken),
        _ => long.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var caseId)
            ? await db.ReviewCases.Where(c => c.Id == caseId).Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken)
            : null,
    };

    private static IQueryable<LegalHoldRow> Rows(IQueryable<LegalHold> holds) => holds.Select(h => new LegalHoldRow(h.Id, h.Target, h.TargetId, h.TargetLabel, h.Reason,
        h.PlacedAtUtc, h.PlacedByName, h.LiftedAtUtc, h.LiftedByName, h.LiftReason, h.Version));
}
