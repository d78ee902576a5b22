using ComplianceConsole.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// A service scope in which a given staff member is signed in, as in their interactive circuit; services
/// resolved from it check that person's permissions.
/// </summary>
public sealed class StaffScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly Task _signingIn;

    private StaffScope(AsyncServiceScope scope, Task signingIn) => (_scope, _signingIn) = (scope, signingIn);

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static StaffScope Create(IServiceProvider root, string email)
    {
        var scope = root.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principalTask = Task.Run(async () =>
        {
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No staff {email}");
            return new AuthenticationState(await signIn.CreateUserPrincipalAsync(user));
        });
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(principalTask);
        return new StaffScope(scope, principalTask);
    }

    // The sign-in runs on the scope's database context in the background; a scope whose services never asked for it
    // (a read with no permission check) must not close that context under it (PostgreSQL: "A command is already in progress").
    public async ValueTask DisposeAsync()
    {
        await _signingIn.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _scope.DisposeAsync();
    }
}
