using System.Reflection;
using ComplianceConsole.Data;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// The database the integration tests run the app on: SQLite, unless the test assembly says otherwise.
/// ComplianceConsole.Tests.PostgreSql compiles these same tests with <c>[assembly: AssemblyMetadata("TestDatabase", "PostgreSql")]</c>.
/// </summary>
public static class TestDatabase
{
    public static DatabaseProvider Provider { get; } =
        typeof(TestDatabase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "TestDatabase")?.Value
            is { } name ? Enum.Parse<DatabaseProvider>(name) : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;
}
