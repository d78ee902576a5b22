using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security.Pii;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider (<see cref="DatabaseSettings"/>) as a factory (one
    /// short-lived context per operation) and as a scoped service for ASP.NET Core Identity, which expects one per request.
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var dataFolder = new DataFolder(builder.Configuration, builder.Environment);
        var database = DatabaseSettings.From(builder.Configuration, dataFolder);
        builder.Services.AddSingleton(dataFolder);
        builder.Services.AddSingleton(database);
        // First of the hosted services, even of those registered before (Data Protection's, which loads the key ring): they read tables it creates.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrator>());
        // Next, before Data Protection's loads its keys (they are encrypted with the personal-data key): whether that key may be created is read from the database.
        builder.Services.Insert(1, ServiceDescriptor.Singleton<IHostedService, PiiKeyCheck>());
        // Keys that protect sign-in cookies and one-time links live in the database, so they survive restarts and every
        // instance of the app reads the same key ring; each is encrypted with the personal-data key first.
        builder.Services.AddDataProtection().SetApplicationName("ComplianceConsole").PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlEncryptor = new DataProtectionKeyEncryptor(services)));
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        var retries = builder.Configuration.GetValue(TransientFailures.RetriesKey, TransientFailures.DefaultRetries);
        builder.Services.AddDbContextFactory<AppDbContext, AppDbContextFactory>((services, options) =>
        {
            var audit = services.GetRequiredService<AuditAppendOnlyInterceptor>();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                // A restart or failover of the server is ridden out: operations outside a transaction are tried again (TransientFailures).
                options.UseNpgsql(database.ConnectionString, npgsql => npgsql.ExecutionStrategy(dependencies => new TransientRetryStrategy(dependencies, retries)))
                    .AddInterceptors(audit);
            }
            else
            {
                options.UseSqlite(database.ConnectionString).AddInterceptors(services.GetRequiredService<SqlitePragmaInterceptor>(), audit);
            }
        });
        if (database.Provider == DatabaseProvider.Sqlite) builder.Services.AddHostedService<SqliteCheckpointer>();
        builder.Services.AddSingleton<RunningInstances>();
        // Only a serving host starts it: commands start the hosted services they need by hand (AppCommands), never this one.
        builder.Services.AddHostedService<InstanceHeartbeat>();
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return builder;
    }
}
