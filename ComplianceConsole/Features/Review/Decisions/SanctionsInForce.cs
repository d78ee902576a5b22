using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

internal sealed class SanctionsInForce(IDbContextFactory<AppDbContext> contextFactory) : ISanctionsInForce
{
    public async Task<ActiveSanction?> StrongestAsync(long platformUserId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return SanctionRules.Strongest(await db.Sanctions.AsNoTracking()
            .Where(s => s.PlatformUserId == platformUserId && s.LiftedAtUtc == null && s.StartsAtUtc <= nowUtc && (s.EndsAtUtc == null || s.EndsAtUtc > nowUtc))
            .Select(s => new ActiveSanction(s.Kind, s.StartsAtUtc, s.EndsAtUtc, s.LiftedAtUtc)).ToListAsync(cancellationToken), nowUtc);
    }
}
