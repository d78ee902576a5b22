using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;

namespace ComplianceConsole.Features.Setup;

/// <summary>After migrations: make sure every role exists, then prepare first-run setup if nobody can sign in yet.</summary>
internal sealed class StartupTasks(IServiceScopeFactory scopeFactory, SetupService setup) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All.Where(role => !roles.Roles.Any(r => r.Name == role)))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        await setup.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
