using Microsoft.Data.Sqlite;

namespace ComplianceConsole.Data;

/// <summary>
/// Which database the app runs on and how to reach it: <c>ComplianceConsole:Database:Provider</c> (Sqlite, the default, or
/// PostgreSql) and <c>ConnectionStrings:Default</c> (optional for SQLite, whose file then lives in the data folder).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "ComplianceConsole:Database:Provider";

    public static DatabaseSettings From(IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration.GetConnectionString("Default");
        var providerName = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(providerName) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"{ProviderKey} is '{providerName}'; it must be Sqlite or PostgreSql.");
        return provider switch
        {
            DatabaseProvider.PostgreSql when string.IsNullOrWhiteSpace(configured) =>
                throw new InvalidOperationException($"{ProviderKey} is PostgreSql, so ConnectionStrings:Default must name the server and database."),
            DatabaseProvider.PostgreSql => new(provider, configured!),
            _ => new(provider, SqliteConnectionString(configured, dataFolder)),
        };
    }

    private static string SqliteConnectionString(string? configured, DataFolder dataFolder) =>
        new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={dataFolder.File("compliance-console.db")}"
            : configured)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
}
