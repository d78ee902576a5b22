using System.Security.Claims;
using ComplianceConsole.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Security;

/// <summary>Adds the staff member's display name to their sign-in, so pages can greet them by name.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrEmpty(user.DisplayName) ? user.UserName! : user.DisplayName));
        return identity;
    }
}
