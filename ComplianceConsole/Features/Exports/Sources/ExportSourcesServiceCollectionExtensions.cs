namespace ComplianceConsole.Features.Exports.Sources;

public static class ExportSourcesServiceCollectionExtensions
{
    /// <summary>The review registers' export kinds (Art. 10-12), the compliance summary and the compliance registry (Art. 14, 15, 19, 20), the appeals, regulator notices, labels,
    /// feature-library, filing and retention logs, each an <see cref="IExportSource"/>.</summary>
    public static IServiceCollection AddExportSources(this IServiceCollection services)
    {
        services.AddScoped<IExportSource, ContentHandlingRecordsSource>();
        services.AddScoped<IExportSource, SanctionsRegisterSource>();
        services.AddScoped<IExportSource, RumourRefutationsSource>();
        services.AddScoped<IExportSource, ComplaintsRegisterSource>();
        services.AddScoped<IExportSource, ComplianceSummarySource>();
        services.AddScoped<IExportSource, AppealRatesSource>();
        services.AddScoped<IExportSource, ComplianceRegistrySource>();
        services.AddScoped<IExportSource, AppealsRegisterSource>();
        services.AddScoped<IExportSource, RegulatorNoticesSource>();
        services.AddScoped<IExportSource, LabelsRegisterSource>();
        services.AddScoped<IExportSource, FeatureLibraryChangesSource>();
        services.AddScoped<IExportSource, FilingHistorySource>();
        services.AddScoped<IExportSource, RetentionLogSource>();
        return services;
    }
}
