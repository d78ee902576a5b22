using ComplianceConsole.Data;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// On PostgreSQL, chains the events writers committed: a pass soon after each commit that saved one (commits that arrive during a
/// pass, or within <see cref="Pace"/> of its end, are taken together by the next), and a pass every second for events any instance
/// left waiting (one that stopped, or a transaction the caller committed itself). On every instance: the chain's lock keeps the
/// passes one at a time.
/// </summary>
public sealed class AuditChainKeeper(AuditChain chain, DatabaseSettings database, ILogger<AuditChainKeeper> logger) : BackgroundService
{
    // Bounds the passes a busy instance runs to about twenty a second (each links all that waits), at a cost of as much delay: a pass
    // costs some nine round trips and a commit whatever it links, so at a thousand writes a second passes a hundredth of a second
    // apart took a third of the database's round trips.
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await chain.Committed.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            try
            {
                await chain.ChainWaitingAsync(stoppingToken);
                await Task.Delay(Pace, stoppingToken);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                logger.LogWarning(failed, "Chaining waiting audit events failed; the next pass tries again.");
            }
        }
    }
}
