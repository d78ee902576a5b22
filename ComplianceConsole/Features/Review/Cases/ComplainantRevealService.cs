using ComplianceConsole.Common;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>Shows a complainant's contact unmasked, to answer them, the way every personal value is (<see cref="PiiReveal"/>).</summary>
public sealed class ComplainantRevealService(PiiReveal reveal, PermissionGuard guard)
{
    public async Task<Result<string>> RevealAsync(long flagId, string? reason, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        return await reveal.RevealAsync(reason, "Review.Case.NotFound", async (db, cancellation) =>
        {
            var flag = await db.Flags.AsNoTracking().Where(f => f.Id == flagId)
                .Select(f => new { f.ReviewCaseId, f.ComplainantContactCipher }).SingleOrDefaultAsync(cancellation);
            return flag?.ComplainantContactCipher is not { Length: > 0 } cipher ? null : new PiiFound<string>(nameof(Flag), flagId.ToString(),
                why => new { reviewCase = flag.ReviewCaseId, field = "complainantContact", reason = why }, pii => pii.Decrypt(cipher));
        }, cancellationToken);
    }
}
