namespace ComplianceConsole.Features.Review;

public static class AppealsServiceCollectionExtensions
{
    /// <summary>The platform's appeals, their decision on the case page, and the figures the dashboard and exports count.</summary>
    public static IServiceCollection AddAppeals(this IServiceCollection services)
    {
        services.AddScoped<AppealSubmissionService>();
        services.AddScoped<AppealDecisionService>();
        services.AddScoped<AppealStatistics>();
        services.AddScoped<Dashboard.IDashboardSection, AppealsDashboardSection>();
        services.AddScoped<ReviewerStatistics>();
        services.AddScoped<Dashboard.IDashboardSection, ReviewersDashboardSection>();
        return services;
    }
}
