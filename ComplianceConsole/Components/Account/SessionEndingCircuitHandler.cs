using System.Security.Claims;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ComplianceConsole.Components.Account;

/// <summary>
/// An open interactive page whose person's sessions ended (<see cref="StaffSessionsEnded"/>, from any instance) becomes
/// signed out at once: its next action is refused and the page goes to sign-in. Only circuits listen; a statically
/// rendered request that changed its own person's stamp renews its own sign-in instead.
/// </summary>
internal sealed class SessionEndingCircuitHandler(ILiveNotifier live, AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
    : CircuitHandler, IDisposable
{
    private static readonly Task<AuthenticationState> SignedOut = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
    private IDisposable? _subscription;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _subscription = live.Subscribe<StaffSessionsEnded>(ended => _ = EndIfMineAsync(ended));
        return Task.CompletedTask;
    }

    private async Task EndIfMineAsync(StaffSessionsEnded ended)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) != ended.UserId || authentication is not IHostEnvironmentAuthenticationStateProvider host) return;
        // The message may arrive late, after this page signed in afresh: only a sign-in that is no longer current ends.
        await using var scope = scopes.CreateAsyncScope();
        if (!await StaffSessions.IsCurrentAsync(scope.ServiceProvider, user, CancellationToken.None)) host.SetAuthenticationState(SignedOut);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}
