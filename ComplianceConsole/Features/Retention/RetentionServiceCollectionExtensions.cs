using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Retention rules, legal holds, account closure and the purge (a recurring job once a day, or run by hand as a job).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionRuleService>();
        services.AddScoped<LegalHoldService>();
        services.AddScoped<AccountClosureService>();
        services.AddScoped<RetentionPurge>();
        services.AddSingleton<IRetentionTarget, VerificationRecordsTarget>();
        services.AddSingleton<IRetentionTarget, ContentItemsTarget>();
        services.AddSingleton<IRetentionTarget, ComplainantContactsTarget>();
        services.AddSingleton<IRetentionTarget, ConsentsTarget>();
        services.AddSingleton<IRetentionTarget, JobFilesTarget>();
        services.AddSingleton<IRetentionTarget, WebhookDeliveriesTarget>();
        services.AddSingleton<IRetentionTarget, AuditEventsTarget>();
        services.AddJobKind(RetentionPurgeJobHandler.Kind);
        services.AddRecurringJob<RetentionPurgeScheduledJob>("retention-purge", RetentionPurgeScheduledJob.Interval, RetentionPurgeScheduledJob.FirstRunAfter);
        return services;
    }
}
