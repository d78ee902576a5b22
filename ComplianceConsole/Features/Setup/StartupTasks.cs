using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;

namespace ComplianceConsole.Features.Setup;

/// <summary>
/// After migrations and the personal-data key check (<see cref="PiiKeyCheck"/>): make sure every role exists, sign the audit chain's head (so events cut off the end before the first
/// hourly checkpoint are caught too), then prepare first-run setup if nobody can sign in yet.
/// </summary>
internal sealed class StartupTasks(IServiceScopeFactory scopeFactory, SetupService setup,
    Audit.AuditCheckpoints auditCheckpoints) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All) await EnsureRoleAsync(role);
        await auditCheckpoints.WriteAsync(cancellationToken);
        await setup.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A scope a role, so a role another instance created at the same moment (a unique-name violation) leaves nothing behind.</summary>
    private async Task EnsureRoleAsync(string role)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (await roles.RoleExistsAsync(role)) return;
        try
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            if (!await roles.RoleExistsAsync(role)) throw;
        }
    }
}
