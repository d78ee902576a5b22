using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

internal sealed class PlatformUserVerifications(IDbContextFactory<AppDbContext> contextFactory) : IPlatformUserVerifications
{
    public async Task<LatestVerification?> LatestAsync(long platformUserId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.VerificationRecords.AsNoTracking().Where(r => r.PlatformUserId == platformUserId)
            .OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Status, r.Method }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : new LatestVerification(latest.Status.ToString(), latest.Method.ToString());
    }
}
