using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplianceConsole.Data;

/// <summary>
/// /healthz: healthy when the database answers now. Asked once, on the connection itself, without the retries that work gets
/// through a restart (about 14 s of them): a load balancer's probe learns of an outage at once, and asks again on its own.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contextFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT 1";
            await probe.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database is reachable.");
        }
        catch (DbException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
