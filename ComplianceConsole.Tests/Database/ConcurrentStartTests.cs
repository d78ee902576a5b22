using ComplianceConsole.Data;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task Two_instances_started_at_the_same_moment_on_an_empty_database_both_come_up_and_prepare_it_once()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "Several instances share a PostgreSQL database; SQLite is one instance by design.");
        using var keyHolder = new TestApp();
        var settings = keyHolder.AnotherInstanceSettings(); // its key files, which every instance is deployed with
        var name = $"cc_concurrent_{Guid.NewGuid():N}";
        settings["ConnectionStrings:Default"] = PostgreSqlTestServer.Current.Database(name);
        try
        {
            using var first = new TestApp(settings);
            using var second = new TestApp(settings);
            using var start = new ManualResetEventSlim();
            var startingUp = new[] { first, second }.Select(app => Task.Run(() =>
            {
                start.Wait();
                _ = app.Services;
            })).ToList();
            start.Set();
            await Task.WhenAll(startingUp);

            await using var db = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        }
        finally
        {
            PostgreSqlTestServer.Current.DropDatabase(name);
        }
    }
}
