namespace ComplianceConsole.Features.Review;

public static class TimeLimitSettingsServiceCollectionExtensions
{
    /// <summary>The Manager's pages for the time limit of each source and the working-day calendar.</summary>
    public static IServiceCollection AddTimeLimitSettings(this IServiceCollection services)
    {
        services.AddScoped<TimeLimitSettingsService>();
        services.AddScoped<WorkingCalendarService>();
        return services;
    }
}
