using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Review;

public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section);
        services.AddSingleton<FeatureLibrary>();
        services.AddScoped<ReviewClaims>();
        services.AddOptions<Media.MediaOptions>().BindConfiguration(Media.MediaOptions.Section);
        services.AddSingleton<Media.MediaFetcher>();
        services.AddScoped<Media.CaseMedia>();
        services.AddScoped<Media.AllowedMediaHostsService>();
        services.AddSingleton(new Labels.ImplicitLabelReader(new Labels.ImplicitLabelReaderOptions()));
        services.AddSingleton<Labels.ContentFileAnalyzer>();
        services.AddScoped<Labels.MediaReadService>();
        services.AddScoped<Labels.ContentFileReadingQuery>();
        services.AddRecurringJob<Labels.MediaReadJob>("review-media-read", Labels.MediaReadJob.Interval);
        services.AddScoped<ReviewDraftService>();
        services.AddScoped<CaseNotesService>();
        services.AddReviewDecisions();
        services.AddAppeals();
        services.AddFeatureLibraryManagement();
        services.AddTimeLimitSettings();
        services.AddReviewExports();
        services.AddScoped<Dashboard.IDashboardTileSource, ReviewDashboardTileSource>();
        services.AddScoped<ReviewQueryService>();
        services.AddScoped<ReviewFindQueryService>();
        services.AddSingleton<ContentSearchIndexer>();
        services.AddHostedService<ContentSearchKeeper>();
        services.AddScoped<ContentIngestionService>();
        services.AddScoped<ContentStatusService>();
        services.AddRecurringJob<ClaimExpiryJob>("review-claim-expiry", ClaimExpiryJob.Interval);
        services.AddRecurringJob<ReviewBacklogCountsFoldJob>("review-backlog-counts", TimeSpan.FromHours(1));
        services.AddSingleton<Retention.IRetentionTarget, ContentItemsTarget>();
        services.AddSingleton<Retention.IRetentionTarget, ComplainantContactsTarget>();
        return services;
    }
}
