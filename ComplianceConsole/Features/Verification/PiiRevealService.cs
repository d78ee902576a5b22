using ComplianceConsole.Common;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>Shows a record's identifier and real name unmasked, the way every personal value is (<see cref="PiiReveal"/>).</summary>
public sealed class PiiRevealService(PiiReveal reveal)
{
    public Task<Result<RevealedIdentity>> RevealAsync(long recordId, string? reason, CancellationToken cancellationToken = default) =>
        reveal.RevealAsync(reason, "Verification.NotFound", async (db, cancellation) =>
        {
            var record = await db.VerificationRecords.AsNoTracking().Where(r => r.Id == recordId)
                .Select(r => new { r.IdentifierCipher, r.RealNameCipher, r.PlatformUser.ExternalId, r.Method })
                .SingleOrDefaultAsync(cancellation);
            return record is null ? null : new PiiFound<RevealedIdentity>("VerificationRecord", recordId.ToString(),
                why => new { platformUser = record.ExternalId, record.Method, reason = why },
                pii => new RevealedIdentity(pii.Decrypt(record.IdentifierCipher), pii.Decrypt(record.RealNameCipher)));
        }, cancellationToken);
}
