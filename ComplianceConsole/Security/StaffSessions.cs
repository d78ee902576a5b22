using System.Security.Claims;
using ComplianceConsole.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Security;

/// <summary>Every session of this person has ended (their security stamp changed): open pages of theirs sign out.</summary>
public sealed record StaffSessionsEnded(string UserId);

/// <summary>
/// A sign-in holds only while the account is enabled and its security stamp is the one the sign-in was issued with.
/// Every request checks it (one row read by key), so a two-factor reset, a new password or set-password link, a role
/// change, disabling the account or signing out ends every other session at its next request; open pages hear
/// <see cref="StaffSessionsEnded"/> at once (<see cref="StaffUserStore"/> publishes it).
/// </summary>
public static class StaffSessions
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && await IsCurrentAsync(context.HttpContext.RequestServices, principal, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Whether the person behind this sign-in still exists, is enabled and has not had their sessions ended since.</summary>
    public static async Task<bool> IsCurrentAsync(IServiceProvider services, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null) return false;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp && !u.IsDisabled, cancellationToken);
    }
}
