using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Review;

public static class ReviewDecisionsServiceCollectionExtensions
{
    /// <summary>The case page's reads, decisions, sanctions, reviewer preferences and bulk decisions on the job host.</summary>
    public static IServiceCollection AddReviewDecisions(this IServiceCollection services)
    {
        services.AddScoped<ReviewCaseQueryService>();
        services.AddScoped<ReviewDecisionService>();
        services.AddScoped<SanctionService>();
        services.AddScoped<ISanctionsInForce, SanctionsInForce>();
        services.AddScoped<ReviewerPreferences>();
        services.AddScoped<ComplainantRevealService>();
        services.AddScoped<ReviewBulkDecisionService>();
        services.AddJobKind(ReviewBulkDecisionService.Kind);
        return services;
    }
}
