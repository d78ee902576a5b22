using System.Globalization;
using System.Security.Claims;
using Bunit;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace ComplianceConsole.Tests.Shell;

/// <summary>
/// bUnit with MudBlazor, the app's real string table and its real permission policies, for a person holding
/// the given roles.
/// </summary>
public abstract class ShellTestContext : BunitContext
{
    protected ShellTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddHttpContextAccessor();
        // The app's real policies and handler, in place of bUnit's placeholder authorisation.
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.AddAuthorizationCore();
        Services.AddPermissionPolicies();
        Services.AddCascadingAuthenticationState();
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
    }

    protected void SignInWithRoles(params string[] roles)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "someone@example.cn"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test");
        Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(new ClaimsPrincipal(identity)));
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
