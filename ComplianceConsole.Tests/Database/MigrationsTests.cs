using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Database;

/// <summary>Each provider has its own migrations set; a model change that either set lacks fails here, before any deployment.</summary>
public class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_cover_the_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.True(db.Database.IsSqlite());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the SQLite migrations lack: dotnet ef migrations add <Name> --context AppDbContext --output-dir Data/Migrations");
    }

    [Fact]
    public void The_postgresql_migrations_cover_the_model()
    {
        using var db = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the PostgreSQL migrations lack: dotnet ef migrations add <Name> --context PostgreSqlAppDbContext --output-dir Data/Migrations/PostgreSql");
    }

    [Fact]
    public void Each_provider_reads_only_its_own_migrations()
    {
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgreSqlMigrations = postgreSql.Database.GetMigrations().ToList();
        Assert.Contains(sqliteMigrations, m => m.EndsWith("_DataProtectionKeysInDatabase", StringComparison.Ordinal));
        Assert.NotEmpty(postgreSqlMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgreSqlMigrations));
    }
}
