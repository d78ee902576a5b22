using ComplianceConsole.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;

namespace ComplianceConsole.Tests.Database;

/// <summary>
/// How many connections an instance may open on PostgreSQL: Npgsql's own default (100) is the server's whole default
/// <c>max_connections</c>, so three instances under load were answered "too many clients".
/// </summary>
public sealed class ConnectionPoolSizeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-pool-").FullName;

    private int MaxPoolSize(string connectionString, string? setting = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Default"] = connectionString,
            [DatabaseSettings.MaxPoolSizeKey] = setting,
        }).Build();
        var settings = DatabaseSettings.From(configuration, new DataFolder(configuration, new HostingEnvironment { ContentRootPath = _folder }));
        return new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxPoolSize;
    }

    [Fact]
    public void Without_a_pool_size_in_the_connection_string_an_instance_holds_at_most_25_connections_or_as_configured()
    {
        Assert.Equal(25, MaxPoolSize("Host=db.internal;Database=compliance_console;Username=cc;Password=secret"));
        Assert.Equal(40, MaxPoolSize("Host=db.internal;Database=compliance_console;Username=cc;Password=secret", setting: "40"));
    }

    [Theory]
    [InlineData("Host=db.internal;Database=compliance_console;Username=cc;Maximum Pool Size=60", 60)]
    [InlineData("Host=db.internal;Database=compliance_console;Username=cc;maximum pool size=7", 7)]
    [InlineData("Host=db.internal;Database=compliance_console;Username=cc;maxpoolsize=100", 100)]
    public void A_pool_size_the_connection_string_gives_is_kept(string connectionString, int expected)
    {
        Assert.Equal(expected, MaxPoolSize(connectionString));
        Assert.Equal(expected, MaxPoolSize(connectionString, setting: "40"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
