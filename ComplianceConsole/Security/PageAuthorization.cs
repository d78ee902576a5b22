using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplianceConsole.Security;

/// <summary>
/// How a page hides what a person may not do: in markup with <c>AuthorizeView Policy=...</c>, and where the answer is
/// needed in code (which views, columns or keys to offer) with this, which asks the same question of the same state:
/// the cascading authentication state against the permission's policy. Services check again with <see cref="PermissionGuard"/>.
/// </summary>
public static class PageAuthorization
{
    /// <summary>Whether the person meets every one of the policies.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, Task<AuthenticationState> authenticationState, params string[] policies)
    {
        var user = (await authenticationState).User;
        foreach (var policy in policies)
        {
            if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded) return false;
        }
        return true;
    }
}
