using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplianceConsole.Security;

/// <summary>
/// The person (or API key) behind the current operation: the circuit's user in interactive pages,
/// the request's user in plain HTTP endpoints, and the person who asked for a job while the job host runs it.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider, IHttpContextAccessor httpContextAccessor)
{
    private (ClaimsPrincipal User, string? IpAddress)? _jobRequester;

    public async Task<ClaimsPrincipal> GetAsync()
    {
        if (_jobRequester is { } requester) return requester.User;
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

    public string? IpAddress => _jobRequester is { } requester ? requester.IpAddress : httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// Within a job's own service scope: act as the person who asked for the job, as they are now (their account
    /// re-read when the job starts), so every permission check and audit event names them.
    /// </summary>
    internal void ActForJobRequester(ClaimsPrincipal user, string? ipAddress) => _jobRequester = (user, ipAddress);
}
