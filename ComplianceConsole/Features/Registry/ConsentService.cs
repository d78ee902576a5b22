using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Identifiers;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

/// <summary>
/// Biometric-editing consents (Art. 14): recorded by the platform over the API or by a Manager, withdrawn, and asked
/// about before an edit. A consent is recorded once per external id however often it is sent.
/// </summary>
public sealed class ConsentService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector pii, PiiDisplay display, TimeProvider clock)
{
    /// <summary>The platform records a consent (scope <see cref="RegistryPermissions.RecordConsent"/>).</summary>
    public Task<ConsentRecordResult> RecordFromPlatformAsync(ConsentSubmission submission, CancellationToken cancellationToken = default) =>
        RecordAsync(submission, RegistryPermissions.RecordConsent, cancellationToken);

    /// <summary>A Manager records a consent given on paper or elsewhere; without a reference, one is made up.</summary>
    public Task<ConsentRecordResult> RecordByStaffAsync(ConsentSubmission submission, CancellationToken cancellationToken = default) =>
        RecordAsync(string.IsNullOrWhiteSpace(submission.ExternalId)
            ? submission with { ExternalId = $"CC-{clock.GetUtcNow():yyyyMMddHHmmss}-{Random.Shared.Next(1000, 9999)}" }
            : submission, RegistryPermissions.Manage, cancellationToken);

    private async Task<ConsentRecordResult> RecordAsync(ConsentSubmission submission, string permission, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(permission);
        var errors = Validate(submission);
        if (errors.Count > 0) return new(ConsentRecordOutcome.Invalid, null, errors);
        var externalId = submission.ExternalId!.Trim();

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var externalUserId = submission.ExternalUserId!.Trim();
        // Both looked up in one round trip: the platform sends consents one by one, and each is a call of its own.
        var known = await db.Database.SqlQuery<ConsentAndUser>($"""
            SELECT (SELECT "Id" FROM "BiometricConsents" WHERE "ExternalId" = {externalId}) AS "ConsentId",
                   (SELECT "Id" FROM "PlatformUsers" WHERE "ExternalId" = {externalUserId}) AS "UserId"
            """).SingleAsync(cancellationToken);
        if (known.ConsentId is { } existing) return new(ConsentRecordOutcome.AlreadyRecorded, existing, []);
        if (known.UserId is not { } userId) return new(ConsentRecordOutcome.Invalid, null, [new(nameof(submission.ExternalUserId), "Registry.Consent.UnknownUser", externalUserId)]);

        var consent = new BiometricConsent
        {
            ExternalId = externalId, PlatformUserId = userId, DepictedPersonRef = submission.DepictedPersonRef!.Trim(),
            DepictedPersonNameCipher = pii.Encrypt(PlatformInput.NormalizeName(submission.DepictedPersonName)),
            Edits = submission.Edits!.Value, Scope = PlatformInput.NormalizeText(submission.Scope), ValidFromUtc = submission.ValidFromUtc!.Value,
            ValidUntilUtc = submission.ValidUntilUtc, Method = submission.Method!.Value,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByName = actor.ShownName,
        };
        db.BiometricConsents.Add(consent);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.ConsentRecorded, "BiometricConsent", externalId,
            new { externalUserId, consent.DepictedPersonRef, consent.Edits, consent.ValidFromUtc, consent.ValidUntilUtc, consent.Method }, cancellationToken);
        return new(ConsentRecordOutcome.Created, consent.Id, []);
    }

    /// <summary>The platform withdraws a consent by its id; withdrawing twice keeps the first time. Null when there is no such consent.</summary>
    public async Task<DateTime?> WithdrawFromPlatformAsync(string externalId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.RecordConsent);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var consent = await db.BiometricConsents.SingleOrDefaultAsync(c => c.ExternalId == externalId, cancellationToken);
        if (consent is null) return null;
        if (consent.WithdrawnAtUtc is null) await WithdrawAsync(db, actor, consent, cancellationToken);
        return consent.WithdrawnAtUtc;
    }

    /// <summary>A Manager records that the depicted person withdrew their consent.</summary>
    public async Task<Result> WithdrawByStaffAsync(long id, int version, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var consent = await db.BiometricConsents.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consent is null || consent.Version != version) return Result.Conflict;
        if (consent.WithdrawnAtUtc is not null) return Result.Refused("Registry.Consent.AlreadyWithdrawn");
        try
        {
            await WithdrawAsync(db, actor, consent, cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
    }

    private async Task WithdrawAsync(AppDbContext db, AuditActor actor, BiometricConsent consent, CancellationToken cancellationToken)
    {
        consent.WithdrawnAtUtc = clock.GetUtcNow().UtcDateTime;
        consent.Version++;
        await audit.SaveWithAuditAsync(db, actor, AuditActions.ConsentWithdrawn, "BiometricConsent", consent.ExternalId,
            new { consent.WithdrawnAtUtc }, cancellationToken);
    }

    /// <summary>Whether the user may edit the person's face or voice now: a consent in its period, not withdrawn, covering the edit.</summary>
    public async Task<ConsentCheck> CheckAsync(string externalUserId, string depictedPersonRef, BiometricEdit wanted, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.CheckConsent);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var consents = await db.BiometricConsents.AsNoTracking()
            .Where(c => c.DepictedPersonRef == depictedPersonRef && db.PlatformUsers().Any(u => u.Id == c.PlatformUserId && u.ExternalId == externalUserId))
            .OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new { c.ExternalId, c.Edits, c.ValidFromUtc, c.ValidUntilUtc, c.WithdrawnAtUtc })
            .Take(100).ToListAsync(cancellationToken);
        var states = consents.Select(c => (c, State: ConsentValidity.StateAt(c.Edits, c.ValidFromUtc, c.ValidUntilUtc, c.WithdrawnAtUtc, wanted, now))).ToList();
        var state = ConsentValidity.Best(states.Select(s => s.State));
        var chosen = states.FirstOrDefault(s => s.State == state).c;
        return new ConsentCheck(state == ConsentState.Valid, state, chosen?.ExternalId, chosen?.ValidUntilUtc);
    }

    public async Task<PagedResult<ConsentRow>> GetPageAsync(ConsentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.BiometricConsents.AsNoTracking();
        if (filter.ExternalUserId?.Trim() is { Length: > 0 } user)
            query = query.Where(c => db.PlatformUsers().Any(u => u.Id == c.PlatformUserId && u.ExternalId == user));
        if (filter.CurrentlyValid is { } valid)
        {
            query = valid
                ? query.Where(c => c.WithdrawnAtUtc == null && c.ValidFromUtc <= now && (c.ValidUntilUtc == null || c.ValidUntilUtc > now))
                : query.Where(c => c.WithdrawnAtUtc != null || c.ValidFromUtc > now || (c.ValidUntilUtc != null && c.ValidUntilUtc <= now));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.ExternalId, UserId = db.PlatformUsers().Where(u => u.Id == c.PlatformUserId).Select(u => u.ExternalId).Single(), c.DepictedPersonRef,
                c.DepictedPersonNameCipher, c.Edits, c.Scope, c.ValidFromUtc, c.ValidUntilUtc, c.Method, c.WithdrawnAtUtc, c.RecordedAtUtc, c.RecordedByName,
                Files = db.EvidenceFiles.Count(f => f.Owner == EvidenceOwner.Consent && f.OwnerId == c.Id), c.Version,
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<ConsentRow>(rows.Select(c => new ConsentRow(c.Id, c.ExternalId, c.UserId, c.DepictedPersonRef,
            display.Masked(c.DepictedPersonNameCipher, Masking.Name), c.Edits, c.Scope, c.ValidFromUtc, c.ValidUntilUtc, c.Method, c.WithdrawnAtUtc,
            c.RecordedAtUtc, c.RecordedByName, c.Files, c.Version)).ToList(), total);
    }

    private static List<FieldError> Validate(ConsentSubmission s)
    {
        var errors = new List<FieldError>();
        RegistryWrites.RequireText(errors, nameof(s.ExternalId), s.ExternalId, RegistryRules.MaxExternalIdLength);
        RegistryWrites.RequireText(errors, nameof(s.ExternalUserId), s.ExternalUserId, RegistryRules.MaxExternalIdLength);
        RegistryWrites.RequireText(errors, nameof(s.DepictedPersonRef), s.DepictedPersonRef, RegistryRules.MaxExternalIdLength);
        RegistryWrites.RequireText(errors, nameof(s.DepictedPersonName), s.DepictedPersonName, PlatformInput.MaxRealNameLength);
        RegistryWrites.RequireText(errors, nameof(s.Scope), s.Scope, RegistryRules.MaxScopeLength);
        if (s.Edits is null || !Enum.IsDefined(s.Edits.Value)) errors.Add(new(nameof(s.Edits), "Registry.Consent.EditsRequired", string.Join(", ", Enum.GetNames<BiometricEdit>())));
        if (s.Method is null || !Enum.IsDefined(s.Method.Value)) errors.Add(new(nameof(s.Method), "Registry.Consent.MethodRequired", string.Join(", ", Enum.GetNames<ConsentMethod>())));
        if (s.ValidFromUtc is not { } from) errors.Add(new(nameof(s.ValidFromUtc), "Validation.Required"));
        else if (from.Year < 2000) errors.Add(new(nameof(s.ValidFromUtc), "Registry.Consent.ImpossibleTime"));
        else if (s.ValidUntilUtc is { } until && until <= from) errors.Add(new(nameof(s.ValidUntilUtc), "Registry.Consent.EndsBeforeItStarts"));
        return errors;
    }
}

/// <summary>A consent's id and its user's, each null when not stored.</summary>
internal sealed class ConsentAndUser
{
    public long? ConsentId { get; set; }
    public long? UserId { get; set; }
}
