using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Signing;

/// <summary>
/// Loads the export signing key at start-up rather than at the first export or verification: a key file missing, damaged or replaced
/// while the history holds signed exports stops the app with a message naming the file (<see cref="ExportSigner.Load"/>), instead of a
/// new key being made silently or every export and verification failing later.
/// </summary>
internal sealed class ExportSigningKeyCheck(IServiceProvider services, ILogger<ExportSigningKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var signer = services.GetRequiredService<ExportSigner>();
            logger.LogInformation("Exports are signed with the key whose fingerprint is {Fingerprint}.", signer.Fingerprint);
        }
        catch (StartupRefusedException refused)
        {
            logger.LogCritical("{Message}", refused.Message);
            throw;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The fingerprint of the key that signed the newest signed export, or null when none is signed.</summary>
    internal static string? NewestSignedFingerprint(IDbContextFactory<AppDbContext> contextFactory)
    {
        using var db = contextFactory.CreateDbContext();
        return db.ExportJobs.AsNoTracking().Where(e => e.SigningKeyFingerprint != null).OrderByDescending(e => e.Id)
            .Select(e => e.SigningKeyFingerprint).FirstOrDefault();
    }
}
