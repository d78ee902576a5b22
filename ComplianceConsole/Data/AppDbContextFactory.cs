using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>Creates the context type that carries the configured provider's migrations (<see cref="PostgreSqlAppDbContext"/> on PostgreSQL).</summary>
internal sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, DatabaseSettings database) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() =>
        database.Provider == DatabaseProvider.PostgreSql ? new PostgreSqlAppDbContext(options) : new AppDbContext(options);
}
