using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Retention;

/// <summary>A kind's rule as it stands; <see cref="IsDefault"/> until a Manager first sets it.</summary>
public sealed record RetentionRuleRow(RetentionKind Kind, int Days, bool IsDefault, DateTime? UpdatedAtUtc, string? UpdatedByName, int Version);

public sealed class RetentionRuleForm
{
    public RetentionKind Kind { get; set; }
    public int Days { get; set; }

    /// <summary>The version read; 0 for a kind still on its default.</summary>
    public int Version { get; set; }
}

/// <summary>The retention rules: read by anyone who reads the registry, changed by a Manager, every change audited.</summary>
public sealed class RetentionRuleService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<RetentionRuleRow>> GetAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, cancellationToken);
    }

    /// <summary>Every kind's rule, stored or default; what the purge applies.</summary>
    internal static async Task<IReadOnlyList<RetentionRuleRow>> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.RetentionRules.AsNoTracking().ToDictionaryAsync(r => r.Kind, cancellationToken);
        return Enum.GetValues<RetentionKind>().Select(kind => stored.TryGetValue(kind, out var r)
            ? new RetentionRuleRow(kind, r.Days, false, r.UpdatedAtUtc, r.UpdatedByName, r.Version)
            : new RetentionRuleRow(kind, RetentionRules.DefaultDays(kind), true, null, null, 0)).ToList();
    }

    public async Task<Result> SaveAsync(RetentionRuleForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        var errors = RetentionRules.Validate(form.Kind, form.Days);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.RetentionRules.SingleOrDefaultAsync(r => r.Kind == form.Kind, cancellationToken);
        if ((rule?.Version ?? 0) != form.Version) return Result.Conflict;
        var before = rule?.Days ?? RetentionRules.DefaultDays(form.Kind);
        if (rule is null)
        {
            rule = new RetentionRule { Kind = form.Kind };
            db.RetentionRules.Add(rule);
        }
        rule.Days = form.Days;
        rule.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        rule.UpdatedByName = actor.ShownName;
        rule.Version++;
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.RetentionRuleChanged, "RetentionRule", form.Kind.ToString(),
                new { before, after = rule.Days }, cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // Another Manager set this kind first (a changed version, or the same new row inserted twice).
            return Result.Conflict;
        }
    }
}
