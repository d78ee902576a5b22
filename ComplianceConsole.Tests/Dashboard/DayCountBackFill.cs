using ComplianceConsole.Features.Review;
using ComplianceConsole.Tests.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceConsole.Tests.Dashboard;

/// <summary>
/// The migrations that made the day counts and the queue's counts fill them from the rows stored: undone and done again over a database
/// the writes kept, they must give the same counts.
/// </summary>
internal static class DayCountBackFill
{
    public static async Task AssertMigrationsRecountAsync(RegistryApp registry)
    {
        await using var db = await registry.DbAsync();
        var kept = await CountsAsync(db);
        var backlog = await BacklogAsync(db);
        var migrations = db.Database.GetMigrations().ToList();
        var beforeDayCounts = migrations[migrations.FindIndex(m => m.EndsWith("_DayCounts", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(beforeDayCounts);
        await migrator.MigrateAsync();

        Assert.Equal(kept, await CountsAsync(db));
        var (bySource, byDueDay) = await BacklogAsync(db);
        Assert.Equal(backlog.BySource, bySource);
        Assert.Equal(backlog.ByDueDay, byDueDay);
    }

    /// <summary>The queue's counts, slots summed and zeros left out: per state and source, and the open cases per due day.</summary>
    public static async Task<(List<(ReviewCaseState, int, long)> BySource, List<(long, long)> ByDueDay)> BacklogAsync(Data.AppDbContext db) =>
        ((await ReviewBacklogCounts.ReadAsync(db, CancellationToken.None)).Where(c => c.Value != 0).Select(c => (c.Key.State, c.Key.Source, c.Value)).Order().ToList(),
         (await db.ReviewDueDayCounts.GroupBy(c => c.DueDay).Select(g => new { Day = g.Key, Count = g.Sum(c => c.Count) }).ToListAsync())
            .Where(d => d.Count != 0).Select(d => (d.Day, d.Count)).Order().ToList());

    private static async Task<List<(string, string, DateOnly, long)>> CountsAsync(Data.AppDbContext db) =>
        (await db.DayCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync()).Select(c => (c.Kind, c.Key, c.Day, c.Count)).Order().ToList();
}
