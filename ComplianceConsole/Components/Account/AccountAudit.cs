using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Components.Account;

/// <summary>
/// Audit events for what staff do on their own account: sign-in attempts, password and two-factor changes.
/// A successful sign-in also restores the language the person chose.
/// </summary>
internal sealed class AccountAudit(IDbContextFactory<AppDbContext> contextFactory, AuditTrail audit, UserManager<ApplicationUser> users)
{
    public async Task SignInAsync(HttpContext context, string userName, SignInResult result, string method)
    {
        var action = result.Succeeded ? AuditActions.SignInSucceeded
            : result.IsLockedOut ? AuditActions.LockedOut
            : result.RequiresTwoFactor ? null
            : AuditActions.SignInFailed;
        if (action is null) return; // the password was right; the second factor decides, and is recorded then

        var user = await users.FindByNameAsync(userName);
        await audit.RecordAsync(contextFactory, new AuditActor(user?.Id, userName, IpOf(context)), action, "Staff", user?.Id, new { method });
        if (result.Succeeded && Cultures.IsSupported(user?.PreferredCulture))
        {
            PreferenceEndpoints.AppendCultureCookie(context, user!.PreferredCulture!);
        }
    }

    public Task RecordAsync(HttpContext context, ApplicationUser user, string action) =>
        audit.RecordAsync(contextFactory, new AuditActor(user.Id, user.UserName!, IpOf(context)), action, "Staff", user.Id);

    private static string? IpOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
