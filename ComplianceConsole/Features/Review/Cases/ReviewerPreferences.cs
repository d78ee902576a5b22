using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// A reviewer's own settings for the case page, kept on their account as an Identity user claim (no table of its own):
/// whether image previews start blurred. Blurred unless the reviewer turned it off.
/// </summary>
public sealed class ReviewerPreferences(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard)
{
    public const string BlurImagesClaim = "review:blur-images";

    public async Task<bool> BlurImagesAsync(CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var value = await db.UserClaims.AsNoTracking().Where(c => c.UserId == actor.Id && c.ClaimType == BlurImagesClaim)
            .Select(c => c.ClaimValue).FirstOrDefaultAsync(cancellationToken);
        return value != "false";
    }

    public async Task SetBlurImagesAsync(bool blur, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == actor.Id && c.ClaimType == BlurImagesClaim).ExecuteDeleteAsync(cancellationToken);
        db.UserClaims.Add(new IdentityUserClaim<string> { UserId = actor.Id!, ClaimType = BlurImagesClaim, ClaimValue = blur ? "true" : "false" });
        await db.SaveChangesAsync(cancellationToken);
    }
}
