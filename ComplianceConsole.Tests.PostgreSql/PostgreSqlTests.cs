using ComplianceConsole.Tests.Infrastructure;

// Every integration test of ComplianceConsole.Tests, compiled again here, runs its app on PostgreSQL; the shared test
// server starts with the first of them and stops after the last.
[assembly: System.Reflection.AssemblyMetadata("TestDatabase", "PostgreSql")]
[assembly: AssemblyFixture(typeof(ComplianceConsole.Tests.PostgreSqlServerLifetime))]

namespace ComplianceConsole.Tests;

public sealed class PostgreSqlServerLifetime : IAsyncDisposable
{
    public ValueTask DisposeAsync() => PostgreSqlTestServer.IsStarted ? PostgreSqlTestServer.Current.DisposeAsync() : ValueTask.CompletedTask;
}
