using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Runs the search indexer's passes (<see cref="ContentSearchIndexer"/>) once the platform's batches to this instance pause for
/// <see cref="Pause"/>, or <see cref="MostBehind"/> after the first of a burst that does not pause; and every second for what other
/// instances queued or a failed pass left. During a burst the platform's calls have the cores and the writer to themselves, and the
/// index, written in passes of thousands, catches up after. An instance with <see cref="ReviewOptions.SearchIndexer"/> off runs none.
/// </summary>
public sealed class ContentSearchKeeper(ContentSearchIndexer indexer, IOptions<ReviewOptions> options, ILogger<ContentSearchKeeper> logger) : BackgroundService
{
    // Batches of a burst come tens of milliseconds apart; a quarter of a second without one is a pause.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    // How far behind a burst that never pauses may leave the index before a pass is run beside it.
    private static readonly TimeSpan MostBehind = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SearchIndexer) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await indexer.Queued.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken))
            {
                var burst = Stopwatch.StartNew();
                while (burst.Elapsed < MostBehind && await indexer.Queued.WaitAsync(Pause, stoppingToken))
                {
                }
            }
            try
            {
                await indexer.IndexWaitingAsync(stoppingToken);
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                logger.LogWarning(failed, "Indexing content items for search failed; the next pass tries again.");
            }
        }
    }
}
