using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Counts API calls per caller, kind and minute in the database, so every instance of the app counts against one
/// allowance. One statement per call: an upsert that returns the new count (the same SQL on SQLite and PostgreSQL).
/// </summary>
public sealed class ApiRateCounter(IDbContextFactory<AppDbContext> contextFactory)
{
    /// <summary>Counts this call and returns how many calls of this kind the caller has made in this minute, it included.</summary>
    public async Task<int> CountAsync(string caller, string scope, long minute, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ApiRateWindows" ("Caller", "Scope", "Minute", "Calls") VALUES ({caller}, {scope}, {minute}, 1)
            ON CONFLICT ("Caller", "Scope", "Minute") DO UPDATE SET "Calls" = "ApiRateWindows"."Calls" + 1
            RETURNING "Calls" AS "Value"
            """).ToListAsync(cancellationToken);
        return counted.Single();
    }

    /// <summary>Removes the minutes before this one: only the current minute is ever read.</summary>
    public async Task<int> RemoveBeforeAsync(long minute, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApiRateWindow>().Where(w => w.Minute < minute).ExecuteDeleteAsync(cancellationToken);
    }

    public static long MinuteOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;
}
