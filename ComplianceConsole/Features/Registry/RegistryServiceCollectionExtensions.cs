namespace ComplianceConsole.Features.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>The compliance registry: consents, assessments and launches, algorithm filings, evidence files and what falls due.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));
        services.AddScoped<ConsentService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<FilingService>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<RegistryDueDates>();
        services.AddScoped<Dashboard.IDashboardSection, RegistryDashboardSection>();
        services.AddScoped<Exports.IExportSource, ComplianceRegistrySource>();
        services.AddScoped<Exports.IExportSource, FilingHistorySource>();
        services.AddSingleton<Retention.IRetentionTarget, ConsentsTarget>();
        return services;
    }
}
