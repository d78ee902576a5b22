using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditKeys>();
        services.AddSingleton(s => new AuditHash(s.GetRequiredService<AuditKeys>()));
        services.AddHostedService<AuditKeyStartupCheck>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<Data.DatabaseWriteGate>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService<AuditChainKeeper>();
        services.AddSingleton<AuditAppendOnlyInterceptor>();
        services.AddScoped<AuditQueryService>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditVerifyCommand>();
        services.AddScoped<AuditKeyRotation>();
        services.AddJobKind(AuditChainVerificationJob.Kind);
        services.AddRecurringJob<AuditCheckpointJob>("audit-checkpoint", AuditCheckpoints.Interval);
        services.AddSingleton<Retention.IRetentionTarget, AuditEventsTarget>();
        services.AddScoped<Exports.IExportSource, StaffAuditLogSource>();
        return services;
    }
}
