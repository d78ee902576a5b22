using ComplianceConsole.Features.Audit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> as a factory (one short-lived context per operation) and as a
    /// scoped service for ASP.NET Core Identity, which expects one per request.
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var dataFolder = new DataFolder(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(dataFolder);
        // Keys that protect sign-in cookies and one-time links live beside the database, so they survive restarts.
        builder.Services.AddDataProtection().SetApplicationName("ComplianceConsole")
            .PersistKeysToFileSystem(new DirectoryInfo(Security.Pii.EncryptedFiles.CreateOwnerOnlyFolder(dataFolder.File("keys"))));
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        builder.Services.AddDbContextFactory<AppDbContext>((services, options) =>
        {
            var connectionString = SqliteConnectionString(builder.Configuration, dataFolder);
            options.UseSqlite(connectionString)
                .AddInterceptors(
                    services.GetRequiredService<SqlitePragmaInterceptor>(),
                    services.GetRequiredService<AuditAppendOnlyInterceptor>());
        });
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    internal static string SqliteConnectionString(IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration.GetConnectionString("Default");
        var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={dataFolder.File("compliance-console.db")}"
            : configured)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        return connection.ToString();
    }
}
