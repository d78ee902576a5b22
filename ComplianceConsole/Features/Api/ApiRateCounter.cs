using System.Collections.Concurrent;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Counts API calls per caller, kind and minute. On PostgreSQL the count is in the database, so every instance of the app
/// counts against one allowance: one statement per call, an upsert that returns the new count, into an unlogged table (a count
/// is worth nothing after a crash), so its commit waits for no flush to disk. SQLite runs one instance
/// by design, so it counts in memory: a write per call there took the database's one write lock, and a call waited
/// behind another client's batch being written, which halved the throughput of two clients submitting at once.
/// </summary>
public sealed class ApiRateCounter(IDbContextFactory<AppDbContext> contextFactory, DatabaseSettings database)
{
    private readonly ConcurrentDictionary<(string Caller, string Scope, long Minute), int> _inProcess = new();

    /// <summary>Counts this call and returns how many calls of this kind the caller has made in this minute, it included.</summary>
    public async Task<int> CountAsync(string caller, string scope, long minute, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return _inProcess.AddOrUpdate((caller, scope, minute), 1, (_, calls) => calls + 1);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ApiRateWindows" ("Caller", "Scope", "Minute", "Calls") VALUES ({caller}, {scope}, {minute}, 1)
            ON CONFLICT ("Caller", "Scope", "Minute") DO UPDATE SET "Calls" = "ApiRateWindows"."Calls" + 1
            RETURNING "Calls" AS "Value"
            """).ToListAsync(cancellationToken);
        return counted.Single();
    }

    /// <summary>How many calls of this kind the caller has made in this minute, without counting one.</summary>
    public async Task<int> CountedAsync(string caller, string scope, long minute, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return _inProcess.GetValueOrDefault((caller, scope, minute));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApiRateWindow>()
            .Where(w => w.Caller == caller && w.Scope == scope && w.Minute == minute)
            .Select(w => w.Calls).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Removes the minutes before this one: only the current minute is ever read.</summary>
    public async Task<int> RemoveBeforeAsync(long minute, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var window in _inProcess.Keys.Where(w => w.Minute < minute))
        {
            if (_inProcess.TryRemove(window, out _)) removed++;
        }
        if (database.Provider != DatabaseProvider.PostgreSql) return removed;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApiRateWindow>().Where(w => w.Minute < minute).ExecuteDeleteAsync(cancellationToken);
    }

    public static long MinuteOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;
}
