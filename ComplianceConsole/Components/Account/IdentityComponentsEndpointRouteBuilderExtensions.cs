using System.Security.Claims;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The endpoint the app bar's sign-out form posts to (with its antiforgery token).
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] AuditTrail audit,
            [FromServices] IDbContextFactory<AppDbContext> contextFactory,
            [FromForm] string returnUrl) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                var actor = AuditActor.From(user, context.Connection.RemoteIpAddress?.ToString());
                await audit.RecordAsync(contextFactory, actor, AuditActions.SignedOut, "Staff", actor.Id);
                // Ends the session on the server too: a copy of the cookie, and the person's pages open elsewhere, stop working.
                if (await signInManager.UserManager.GetUserAsync(user) is { } staff) await signInManager.UserManager.UpdateSecurityStampAsync(staff);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalReturnUrl.OrHome("/" + returnUrl));
        }).AllowAnonymous(); // signing out must work even when the session has already expired

        return accountGroup;
    }
}
