using ComplianceConsole.Data;
using ComplianceConsole.Features.Settings;
using Microsoft.AspNetCore.Identity;

namespace ComplianceConsole.Security;

/// <summary>
/// When the provider requires two-factor sign-in, staff who have not enrolled an authenticator are sent to
/// enrol before they can open anything else.
/// </summary>
internal sealed class TwoFactorEnrolmentGate(RequestDelegate next)
{
    public const string EnrolPath = "/Account/Manage/EnableAuthenticator";

    public async Task InvokeAsync(HttpContext context, ProviderSettingsService settings, UserManager<ApplicationUser> users)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && PageNavigation.IsPageNavigation(context.Request, "/Account")
            && (await settings.GetProfileAsync(context.RequestAborted)).RequireTwoFactor
            && await users.GetUserAsync(context.User) is { TwoFactorEnabled: false })
        {
            context.Response.Redirect(EnrolPath + "?required=true");
            return;
        }
        await next(context);
    }
}
