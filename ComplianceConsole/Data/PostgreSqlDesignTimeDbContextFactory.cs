using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplianceConsole.Data;

/// <summary>
/// Lets 'dotnet ef migrations add --context PostgreSqlAppDbContext' build the PostgreSQL model; it connects to nothing.
/// The Identity tables take their shape from the app's Identity options, so the model is built with the same ones.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) => For("Host=localhost;Database=compliance_console_design_time");

    /// <summary>The context on a database outside the running app (the copy to PostgreSQL migrates its target with it).</summary>
    public static PostgreSqlAppDbContext For(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString)
            .UseApplicationServiceProvider(new ServiceCollection()
                .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = StaffIdentity.SchemaVersion)
                .BuildServiceProvider())
            .AddInterceptors(new AuditAppendOnlyInterceptor())
            .Options);
}
