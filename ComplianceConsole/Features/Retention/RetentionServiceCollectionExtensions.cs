using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Retention rules, legal holds, account closure, the purge (a recurring job once a day, or run by hand as a job) and its log's export. Each feature
    /// registers the <see cref="IRetentionTarget"/> of the records it owns; the purge applies whichever are registered.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionRuleService>();
        services.AddScoped<LegalHoldService>();
        services.AddScoped<AccountClosureService>();
        services.AddScoped<RetentionPurge>();
        services.AddJobKind(RetentionPurgeJobHandler.Kind);
        services.AddScoped<Exports.IExportSource, RetentionLogSource>();
        services.AddRecurringJob<RetentionPurgeScheduledJob>("retention-purge", RetentionPurgeScheduledJob.Interval, RetentionPurgeScheduledJob.At);
        return services;
    }
}
