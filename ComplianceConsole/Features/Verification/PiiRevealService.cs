using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// Shows a record's identifier and real name unmasked, for one view only: it needs the permission and a typed
/// reason, and records who looked at whose data and why before anything is shown.
/// </summary>
public sealed class PiiRevealService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector pii)
{
    public const int MinReasonLength = 4;
    public const int MaxReasonLength = 500;

    public async Task<Result<RevealedIdentity>> RevealAsync(long recordId, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(PiiPermissions.Reveal);
        var why = reason?.Trim() ?? "";
        if (why.Length < MinReasonLength) return Result.Refused("Reveal.ReasonRequired");
        if (why.Length > MaxReasonLength) return Result.Refused("Reveal.ReasonTooLong");

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.VerificationRecords.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.IdentifierCipher, r.RealNameCipher, r.PlatformUser.ExternalId, r.Method })
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null) return Result.Refused("Verification.NotFound");

        await audit.SaveWithAuditAsync(db, actor, AuditActions.PiiRevealed, "VerificationRecord", recordId.ToString(),
            new { platformUser = record.ExternalId, record.Method, reason = why }, cancellationToken);
        return Result<RevealedIdentity>.Ok(new RevealedIdentity(pii.Decrypt(record.IdentifierCipher), pii.Decrypt(record.RealNameCipher)));
    }
}
