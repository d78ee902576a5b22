using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

public sealed record RevealResult(RevealedIdentity? Identity, string? ErrorKey);

/// <summary>
/// Shows a record's identifier and real name unmasked, for one view only: it needs the permission and a typed
/// reason, and records who looked at whose data and why before anything is shown.
/// </summary>
public sealed class PiiRevealService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector pii)
{
    public async Task<RevealResult> RevealAsync(long recordId, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(PiiPermissions.Reveal);
        var why = reason?.Trim() ?? "";
        if (why.Length < RevealReason.MinLength) return new RevealResult(null, "Reveal.ReasonRequired");
        if (why.Length > RevealReason.MaxLength) return new RevealResult(null, "Reveal.ReasonTooLong");

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.VerificationRecords.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.IdentifierCipher, r.RealNameCipher, r.PlatformUser.ExternalId, r.Method })
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null) return new RevealResult(null, "Verification.NotFound");

        await audit.SaveWithAuditAsync(db, actor, AuditActions.PiiRevealed, "VerificationRecord", recordId.ToString(),
            new { platformUser = record.ExternalId, record.Method, reason = why }, cancellationToken);
        return new RevealResult(new RevealedIdentity(pii.Decrypt(record.IdentifierCipher), pii.Decrypt(record.RealNameCipher)), null);
    }
}
