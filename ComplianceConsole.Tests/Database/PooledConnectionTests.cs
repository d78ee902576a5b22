using ComplianceConsole.Data;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

/// <summary>
/// An operator may turn off Npgsql's reset of a connection handed back to the pool (<c>No Reset On Close=true</c>; the README
/// says the app leaves no session state), and then whatever a session changes must be changed back by whoever changed it: the
/// migration waits for another instance's without a lock timeout, and a connection left like that would let a later write
/// wait forever on a stalled instance.
/// </summary>
public sealed class PooledConnectionTests
{
    [Fact]
    public async Task Without_the_pool_s_reset_every_pooled_connection_keeps_the_lock_timeout_after_the_start_up_migration()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "The pool's reset and the server's settings are PostgreSQL's.");
        var name = $"cc_unreset_{Guid.NewGuid():N}";
        var connectionString = PostgreSqlTestServer.Current.Database(name, MigratedDatabaseTemplate.PostgreSqlName) + ";No Reset On Close=true";
        try
        {
            using var app = new TestApp(new Dictionary<string, string> { ["ConnectionStrings:Default"] = connectionString });
            var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var opened = new List<AppDbContext>();
            try
            {
                // More at once than the pool holds idle after start-up, so the migration's connection is among them.
                for (var i = 0; i < 10; i++)
                {
                    var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
                    opened.Add(db);
                    await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                }
                foreach (var db in opened)
                {
                    var timeout = await db.Database.SqlQuery<string>($"""SELECT current_setting('lock_timeout') AS "Value" """)
                        .SingleAsync(TestContext.Current.CancellationToken);
                    Assert.Equal("5s", timeout);
                }
            }
            finally
            {
                foreach (var db in opened) await db.DisposeAsync();
            }
        }
        finally
        {
            PostgreSqlTestServer.Current.DropDatabase(name);
        }
    }
}
