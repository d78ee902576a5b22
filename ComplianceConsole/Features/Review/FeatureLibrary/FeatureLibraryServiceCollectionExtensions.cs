using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Review;

public static class FeatureLibraryServiceCollectionExtensions
{
    /// <summary>The Manager's pages for the feature library: rules, the keyword import job and the tester.</summary>
    public static IServiceCollection AddFeatureLibraryManagement(this IServiceCollection services)
    {
        services.AddScoped<FeatureRuleService>();
        services.AddScoped<FeatureLibraryTester>();
        services.AddScoped<KeywordImportService>();
        services.AddJobKind(KeywordImportService.Kind);
        return services;
    }
}
