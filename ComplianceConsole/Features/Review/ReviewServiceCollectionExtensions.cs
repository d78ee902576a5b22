using ComplianceConsole.Features.Jobs;
using Quartz;

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
        services.AddScoped<ReviewDraftService>();
        services.AddScoped<CaseNotesService>();
        services.AddReviewDecisions();
        services.AddAppeals();
        services.AddFeatureLibraryManagement();
        services.AddTimeLimitSettings();
        services.AddScoped<ReviewQueryService>();
        services.AddScoped<ReviewFindQueryService>();
        services.AddSingleton<DemoData.ReviewDemoSeeder>();
        services.AddScoped<ContentIngestionService>();
        services.AddScoped<ContentStatusService>();
        services.AddScoped<DemoData.ContentSeeder>();
        services.AddQuartz(quartz => quartz.ScheduleJob<ClaimExpiryJob>((provider, trigger) => trigger.WithIdentity("review-claim-expiry", "console")
            .StartOnAppClock(provider).WithSimpleSchedule(schedule => schedule.WithInterval(ClaimExpiryJob.Interval).RepeatForever())));
        return services;
    }
}
