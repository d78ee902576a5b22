using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Schedules;
using ComplianceConsole.Features.Exports.Storage;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Exports;

public static class ExportsServiceCollectionExtensions
{
    /// <summary>
    /// The export engine and everything around it: the workbook writer, the export job, history, downloads, verify,
    /// scheduled reports and file retention (recurring work on the job host). It owns no rows: each feature registers the
    /// <see cref="IExportSource"/> of the records it keeps as a scoped service, from its own Add method; only registered kinds are offered.
    /// </summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<ExportsOptions>();
        services.AddSingleton(s => Signing.ExportSigner.Load(s.GetRequiredService<IConfiguration>(), s.GetRequiredService<Data.DataFolder>(),
            Signing.ExportSigningKeyCheck.NewestSignedFingerprint(s.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext>>())));
        services.AddHostedService<Signing.ExportSigningKeyCheck>();
        services.AddSingleton<ExportStorage>();
        services.AddHostedService<ExportLeftovers>();
        services.AddSingleton<ExportHousekeeping>();
        services.AddSingleton<ExportScheduleRunner>();
        services.AddScoped<ExportTexts>();
        services.AddScoped<ExportEngine>();
        services.AddScoped<ExportService>();
        services.AddScoped<ExportHistoryService>();
        services.AddScoped<ExportScheduleService>();
        services.AddScoped<ExportVerifier>();
        services.AddScoped<Inspection.InspectionPackService>();
        services.AddJobKind(ExportService.JobKind);
        services.AddJobKind(Inspection.InspectionPackService.JobKind);
        services.AddRecurringJob<ExportScheduleJob>("export-schedules", TimeSpan.FromMinutes(1));
        services.AddRecurringJob<ExportHousekeepingJob>("export-housekeeping", TimeSpan.FromHours(1));

        return services;
    }
}
