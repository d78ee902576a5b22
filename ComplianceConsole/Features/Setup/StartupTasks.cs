using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.AspNetCore.Identity;

namespace ComplianceConsole.Features.Setup;

/// <summary>
/// After migrations: load the personal-data key file (creating it on first run, so it exists to be backed up from
/// the start), make sure every role exists, sign the audit chain's head (so events cut off the end before the first
/// hourly checkpoint are caught too), then prepare first-run setup if nobody can sign in yet.
/// </summary>
internal sealed class StartupTasks(IServiceScopeFactory scopeFactory, SetupService setup, PiiKeyRing piiKeys,
    Audit.AuditCheckpoints auditCheckpoints, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Personal data is encrypted with key {KeyId} of {KeyCount} in the key ring.", piiKeys.CurrentKeyId, piiKeys.EncryptionKeys.Count);
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
