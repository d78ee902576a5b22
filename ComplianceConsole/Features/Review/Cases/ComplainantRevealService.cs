using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

public sealed record ContactReveal(string? Contact, string? ErrorKey);

/// <summary>
/// Shows a complainant's contact unmasked, for one view only, to answer them: the same rule as revealing a verification
/// (the permission, a typed reason, an audit event before anything is shown).
/// </summary>
public sealed class ComplainantRevealService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector pii)
{
    public async Task<ContactReveal> RevealAsync(long flagId, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(PiiPermissions.Reveal);
        await guard.DemandAsync(ReviewPermissions.Read);
        var why = reason?.Trim() ?? "";
        if (why.Length < RevealReason.MinLength) return new ContactReveal(null, "Reveal.ReasonRequired");
        if (why.Length > RevealReason.MaxLength) return new ContactReveal(null, "Reveal.ReasonTooLong");

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var flag = await db.Flags.AsNoTracking().Where(f => f.Id == flagId)
            .Select(f => new { f.ReviewCaseId, f.ComplainantContactCipher }).SingleOrDefaultAsync(cancellationToken);
        if (flag?.ComplainantContactCipher is not { Length: > 0 } cipher) return new ContactReveal(null, "Review.Case.NotFound");
        await audit.SaveWithAuditAsync(db, actor, AuditActions.PiiRevealed, nameof(Flag), flagId.ToString(),
            new { reviewCase = flag.ReviewCaseId, field = "complainantContact", reason = why }, cancellationToken);
        return new ContactReveal(pii.Decrypt(cipher), null);
    }
}
