namespace ComplianceConsole.Features.Exports.Sources;

public static class ExportSourcesServiceCollectionExtensions
{
    /// <summary>The review registers' export kinds (Art. 10-12) and the compliance summary, each an <see cref="IExportSource"/>.</summary>
    public static IServiceCollection AddExportSources(this IServiceCollection services)
    {
        services.AddScoped<IExportSource, ContentHandlingRecordsSource>();
        services.AddScoped<IExportSource, SanctionsRegisterSource>();
        services.AddScoped<IExportSource, RumourRefutationsSource>();
        services.AddScoped<IExportSource, ComplaintsRegisterSource>();
        services.AddScoped<IExportSource, ComplianceSummarySource>();
        services.AddScoped<IExportSource, AppealRatesSource>();
        return services;
    }
}
