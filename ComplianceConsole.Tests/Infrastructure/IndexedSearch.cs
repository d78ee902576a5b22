using ComplianceConsole.Features.Review;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Infrastructure;

public static class IndexedSearch
{
    /// <summary>Writes the search index for every item waiting, as the app's keeper does a moment after ingestion: a search by words then finds them.</summary>
    public static Task IndexSearchAsync(this IServiceProvider services) =>
        services.GetRequiredService<ContentSearchIndexer>().IndexWaitingAsync(TestContext.Current.CancellationToken);
}
