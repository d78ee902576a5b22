using ComplianceConsole.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ComplianceConsole.Components.Account;

/// <summary>
/// Checks every few seconds that an interactive page's sign-in is still current (<see cref="StaffSessions"/>), and ends
/// it when it is not. <see cref="SessionEndingCircuitHandler"/> ends it at once; this covers a message lost between instances.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await StaffSessions.IsCurrentAsync(scope.ServiceProvider, authenticationState.User, cancellationToken);
    }
}
