using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton(s => AuditKey.Load(s.GetRequiredService<IConfiguration>(), s.GetRequiredService<Data.DataFolder>()));
        services.AddSingleton<AuditHash>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<Data.AuditChainLock>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditAppendOnlyInterceptor>();
        services.AddScoped<AuditQueryService>();
        services.AddScoped<AuditChainVerifier>();
        services.AddJobKind(AuditChainVerificationJob.Kind);
        return services;
    }
}
