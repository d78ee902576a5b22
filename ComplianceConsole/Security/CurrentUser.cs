using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplianceConsole.Security;

/// <summary>
/// The person (or API key) behind the current operation: the circuit's user in interactive pages,
/// the request's user in plain HTTP endpoints.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider, IHttpContextAccessor httpContextAccessor)
{
    public async Task<ClaimsPrincipal> GetAsync()
    {
        try
        {
            return (await authenticationStateProvider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a Razor component (a minimal API endpoint) the provider has no state; the request has the user.
            return httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    public string? IpAddress => httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
