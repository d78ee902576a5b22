using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Verification;

public static class VerificationServiceCollectionExtensions
{
    public static IServiceCollection AddVerification(this IServiceCollection services)
    {
        services.AddSingleton(s => PiiKeyRing.Load(s.GetRequiredService<IConfiguration>(), s.GetRequiredService<DataFolder>()));
        services.AddSingleton<PiiProtector>();
        services.AddSingleton<PiiDisplay>();
        services.AddScoped<PiiReveal>();
        services.AddSingleton<PiiKeyRotation>();
        services.AddSingleton<EncryptedFiles>();
        services.AddScoped<VerificationQueryService>();
        services.AddScoped<PlatformUsers.IPlatformUserVerifications, PlatformUserVerifications>();
        services.AddScoped<VerificationDecisionService>();
        services.AddScoped<VerificationSubmissionService>();
        services.AddScoped<PiiRevealService>();
        services.AddScoped<Import.VerificationImportService>();
        services.AddJobKind(Import.VerificationImportService.Kind);
        services.AddJobKind(VerificationDecisionService.BulkKind);
        services.AddSingleton<Retention.IRetentionTarget, VerificationRecordsTarget>();
        services.AddScoped<Exports.IExportSource, VerificationLedgerSource>();
        services.AddScoped<Dashboard.IDashboardTileSource, VerificationDashboardTileSource>();
        return services;
    }
}
