using ComplianceConsole.Features.Exports;

namespace ComplianceConsole.Features.Review;

public static class ReviewExportsServiceCollectionExtensions
{
    /// <summary>The review registers' export kinds (Art. 10-12), the compliance summary, appeals and their rates, regulator notices, labels and
    /// the feature library's changes, each an <see cref="IExportSource"/>.</summary>
    public static IServiceCollection AddReviewExports(this IServiceCollection services)
    {
        services.AddScoped<IExportSource, ContentHandlingRecordsSource>();
        services.AddScoped<IExportSource, SanctionsRegisterSource>();
        services.AddScoped<IExportSource, RumourRefutationsSource>();
        services.AddScoped<IExportSource, ComplaintsRegisterSource>();
        services.AddScoped<IExportSource, ComplianceSummarySource>();
        services.AddScoped<IExportSource, AppealRatesSource>();
        services.AddScoped<IExportSource, AppealsRegisterSource>();
        services.AddScoped<IExportSource, RegulatorNoticesSource>();
        services.AddScoped<IExportSource, LabelsRegisterSource>();
        services.AddScoped<IExportSource, FeatureLibraryChangesSource>();
        return services;
    }
}
