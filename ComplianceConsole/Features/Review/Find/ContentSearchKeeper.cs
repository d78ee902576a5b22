namespace ComplianceConsole.Features.Review;

/// <summary>
/// Runs the search indexer's passes (<see cref="ContentSearchIndexer"/>): a short while after a commit on this instance queued items
/// (what arrives meanwhile joins the pass, so a burst is indexed in large batches), and every second for what other instances
/// queued or a failed pass left. An instance with <see cref="ReviewOptions.SearchIndexer"/> off runs none.
/// </summary>
public sealed class ContentSearchKeeper(ContentSearchIndexer indexer, Microsoft.Extensions.Options.IOptions<ReviewOptions> options, ILogger<ContentSearchKeeper> logger)
    : BackgroundService
{
    // Gathers a burst's batches into one pass: a pass of thousands of items costs little more than one of a thousand.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SearchIndexer) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await indexer.WaitForQueuedAsync(TimeSpan.FromSeconds(1), stoppingToken);
            try
            {
                await Task.Delay(Gather, stoppingToken);
                await indexer.IndexWaitingAsync(stoppingToken);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                logger.LogWarning(failed, "Indexing content items for search failed; the next pass tries again.");
            }
        }
    }
}
