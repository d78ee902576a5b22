namespace ComplianceConsole.Features.Setup;

public static class SetupServiceCollectionExtensions
{
    public static IServiceCollection AddSetup(this IServiceCollection services)
    {
        services.AddSingleton<SetupService>();
        services.AddHostedService<StartupTasks>();
        return services;
    }
}
