using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Identifiers;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Settings;

/// <summary>The provider's name shown in the app bar and the sign-in rule that applies to everyone.</summary>
public sealed record ProviderProfile(string ProviderName, bool RequireTwoFactor);

public sealed class ProviderSettingsService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Raised in this circuit after a save, so the app bar shows the new provider name at once.</summary>
    public event Action<ProviderProfile>? ProfileChanged;

    /// <summary>Readable by everyone signed in, and by the sign-in pipeline itself.</summary>
    public async Task<ProviderProfile> GetProfileAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProviderSettings.AsNoTracking()
            .Select(s => new ProviderProfile(s.ProviderName, s.RequireTwoFactor))
            .SingleAsync(cancellationToken);
    }

    public async Task<ProviderSettingsForm> GetFormAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SettingsPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ProviderSettings.AsNoTracking().SingleAsync(cancellationToken);
        return new ProviderSettingsForm
        {
            ProviderName = settings.ProviderName,
            UnifiedSocialCreditCode = settings.UnifiedSocialCreditCode,
            LabelingCode = settings.LabelingCode,
            AlgorithmFilingNumbers = settings.AlgorithmFilingNumbers,
            RequireTwoFactor = settings.RequireTwoFactor,
            Version = settings.Version,
        };
    }

    public async Task<Result> SaveAsync(ProviderSettingsForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(SettingsPermissions.Manage);
        var errors = ProviderSettingsRules.Validate(form);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ProviderSettings.SingleAsync(cancellationToken);
        if (settings.Version != form.Version) return Result.Conflict;

        var before = Snapshot(settings);
        settings.ProviderName = form.ProviderName.Trim();
        settings.UnifiedSocialCreditCode = IdentifierText.Normalize(form.UnifiedSocialCreditCode);
        settings.LabelingCode = Identifiers.LabelingCode.Normalize(form.LabelingCode);
        settings.RequireTwoFactor = form.RequireTwoFactor;
        settings.Version++;
        settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        settings.UpdatedBy = actor.ShownName;
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.SettingsChanged, "ProviderSettings", settings.Id.ToString(),
                new { before, after = Snapshot(settings) }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        ProfileChanged?.Invoke(new ProviderProfile(settings.ProviderName, settings.RequireTwoFactor));
        return Result.Ok;
    }

    private static object Snapshot(ProviderSettings s) =>
        new { s.ProviderName, s.UnifiedSocialCreditCode, s.LabelingCode, s.RequireTwoFactor };
}
