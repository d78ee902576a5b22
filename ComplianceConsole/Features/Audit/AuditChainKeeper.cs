using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// Every second on PostgreSQL, chains whatever events are still waiting: those whose writer's own pass failed or found the chain
/// held elsewhere, and those saved inside a transaction the caller committed itself. On every instance: the chain's lock keeps
/// the passes one at a time.
/// </summary>
public sealed class AuditChainKeeper(AuditChain chain, IDbContextFactory<AppDbContext> contextFactory, DatabaseSettings database,
    TimeProvider clock, ILogger<AuditChainKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync(stoppingToken);
                if (await db.PendingAuditEvents.AnyAsync(stoppingToken)) await chain.ChainLeftoversAsync(stoppingToken);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                logger.LogWarning(failed, "Chaining waiting audit events failed; the next pass tries again.");
            }
        }
    }
}
