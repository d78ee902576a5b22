using ComplianceConsole.Data;

namespace ComplianceConsole.Common.Live;

public static class LiveNotifierServiceCollectionExtensions
{
    /// <summary>
    /// One instance on SQLite: messages stay in the process. On PostgreSQL, where several instances share the database,
    /// they also travel through LISTEN/NOTIFY to the subscribers of every other instance.
    /// </summary>
    public static IServiceCollection AddLiveNotifier(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = DatabaseSettings.From(configuration, new DataFolder(configuration, environment));
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<ILiveNotifier, InProcessLiveNotifier>();
            return services;
        }
        services.AddSingleton<InProcessLiveNotifier>();
        services.AddSingleton<PostgreSqlLiveNotifier>();
        services.AddSingleton<ILiveNotifier>(s => s.GetRequiredService<PostgreSqlLiveNotifier>());
        services.AddHostedService(s => s.GetRequiredService<PostgreSqlLiveNotifier>());
        return services;
    }
}
