using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;

namespace ComplianceConsole.Features.DatabaseCopy;

/// <summary>
/// <c>copy-to-postgres --target "&lt;connection string&gt;"</c>: moves the data of the app's SQLite database to a new
/// PostgreSQL database (<see cref="SqliteToPostgreSqlCopy"/>), then verifies the audit chain on the target with the same
/// key files and checkpoints, as the app on PostgreSQL will. Run it with the app stopped.
/// </summary>
public static class CopyToPostgreSqlCommand
{
    /// <summary>Returns whether the data was copied and its audit chain verifies on the target.</summary>
    public static async Task<bool> RunAsync(WebApplication source, string[] args, TextWriter output)
    {
        var at = Array.IndexOf(args, "--target");
        var target = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var settings = source.Services.GetRequiredService<DatabaseSettings>();
        if (string.IsNullOrWhiteSpace(target))
        {
            await output.WriteLineAsync("Name the PostgreSQL database to copy into: copy-to-postgres --target \"Host=…;Database=…;Username=…;Password=…\"");
            return false;
        }
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync($"The app is configured for {settings.Provider}; the copy reads the SQLite database, so run it with the SQLite settings.");
            return false;
        }

        var result = await SqliteToPostgreSqlCopy.CopyAsync(settings.ConnectionString, target, line => output.WriteLine(line));
        if (!result.Copied)
        {
            await output.WriteLineAsync($"Nothing was copied: {result.RefusedBecause}");
            return false;
        }
        await output.WriteLineAsync($"Copied {result.Tables.Sum(t => t.Rows):N0} rows in {result.Tables.Count} tables.");

        // The app on the target, with this app's data folder, key files and checkpoints: what the chain check there will see.
        var onTarget = WebApplication.CreateBuilder([.. args, $"--{DatabaseSettings.ProviderKey}={DatabaseProvider.PostgreSql}", $"--ConnectionStrings:Default={target}"]);
        onTarget.AddApplicationServices();
        await using var targetApp = onTarget.Build();
        await using var scope = targetApp.Services.CreateAsyncScope();
        var chain = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        await output.WriteLineAsync(chain.Intact
            ? $"The audit chain verifies on the target: {chain.EventsChecked:N0} events, {chain.CheckpointsChecked:N0} signed checkpoints."
            : $"The audit chain does NOT verify on the target: {chain.BreakCount:N0} breaks, the first at event {chain.BrokenAtSequence} ({chain.Break}). Keep using the SQLite database and report this.");
        return chain.Intact;
    }
}
