namespace ComplianceConsole.Features.DemoData;

public static class DemoDataServiceCollectionExtensions
{
    /// <summary>The seeders of synthetic platform users, verifications, content and review cases, for demos and benchmarks (<c>seed</c> commands).</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<ReviewDemoSeeder>();
        services.AddScoped<ContentSeeder>();
        return services;
    }
}
