using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Shows a complainant's contact unmasked, for one view only, to answer them: the same rule as revealing a verification
/// (the permission, a typed reason, an audit event before anything is shown).
/// </summary>
public sealed class ComplainantRevealService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector pii)
{
    public async Task<Result<string>> RevealAsync(long flagId, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(PiiPermissions.Reveal);
        await guard.DemandAsync(ReviewPermissions.Read);
        var why = reason?.Trim() ?? "";
        if (why.Length < PiiRevealService.MinReasonLength) return Result.Refused("Reveal.ReasonRequired");
        if (why.Length > PiiRevealService.MaxReasonLength) return Result.Refused("Reveal.ReasonTooLong");

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var flag = await db.Flags.AsNoTracking().Where(f => f.Id == flagId)
            .Select(f => new { f.ReviewCaseId, f.ComplainantContactCipher }).SingleOrDefaultAsync(cancellationToken);
        if (flag?.ComplainantContactCipher is not { Length: > 0 } cipher) return Result.Refused("Review.Case.NotFound");
        await audit.SaveWithAuditAsync(db, actor, AuditActions.PiiRevealed, nameof(Flag), flagId.ToString(),
            new { reviewCase = flag.ReviewCaseId, field = "complainantContact", reason = why }, cancellationToken);
        return Result<string>.Ok(pii.Decrypt(cipher));
    }
}
