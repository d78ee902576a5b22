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

    private StaffScope(AsyncServiceScope scope) => _scope = scope;

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static StaffScope Create(IServiceProvider root, string email)
    {
        var scope = root.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        // Signed in before the scope is handed out: a sign-in still running on the scope's database context would share
        // its connection with the test's own work (PostgreSQL refuses two commands at once on one connection).
        var state = Task.Run(async () =>
        {
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No staff {email}");
            return new AuthenticationState(await signIn.CreateUserPrincipalAsync(user));
        }).GetAwaiter().GetResult();
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(state));
        return new StaffScope(scope);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
