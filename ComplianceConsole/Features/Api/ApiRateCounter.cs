using System.Collections.Concurrent;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Counts API calls per caller, kind and minute. On PostgreSQL the count is in the database, so every instance of the app
/// counts against one allowance, in an unlogged table (a count is worth nothing after a crash), so its commit waits for no
/// flush to disk. An API call takes its allowance in blocks (<see cref="TryTakeAsync"/>): one upsert counts a block of calls
/// and the instance spends it call by call, so a busy key costs an upsert every few dozen calls rather than one a call.
/// SQLite runs one instance by design, so it counts in memory: a write per call there took the database's one write lock,
/// and a call waited behind another client's batch being written, which halved the throughput of two clients submitting at once.
/// </summary>
public sealed class ApiRateCounter(IDbContextFactory<AppDbContext> contextFactory, DatabaseSettings database)
{
    /// <summary>The largest block an instance takes at once; blocks shrink to one call as the minute's count nears the allowance.</summary>
    public const int MaxBlock = 64;

    private readonly ConcurrentDictionary<(string Caller, string Scope, long Minute), int> _inProcess = new();
    private readonly ConcurrentDictionary<(string Caller, string Scope, long Minute), Block> _blocks = new();

    /// <summary>
    /// Takes one call of the caller's allowance (<paramref name="limit"/> calls of this kind this minute); false when it is
    /// spent. On PostgreSQL an instance counts a block of calls in the database at once and hands them out here; the block is
    /// an eighth of what it last saw left of the allowance (at most <see cref="MaxBlock"/>, at least one), so the instances
    /// together never allow more than the allowance, and near its end they count call by call. What an instance took and
    /// did not spend by the end of the minute is lost to the others: at most an eighth of what was left when it took it.
    /// </summary>
    public async Task<bool> TryTakeAsync(string caller, string scope, long minute, int limit, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return await CountAsync(caller, scope, minute, cancellationToken) <= limit;
        var block = _blocks.GetOrAdd((caller, scope, minute), _ => new Block());
        await block.Turn.WaitAsync(cancellationToken);
        try
        {
            if (block.Left > 0)
            {
                block.Left--;
                return true;
            }
            if (block.Spent) return false;
            var taking = Math.Clamp((limit - block.CallsSeen) / 8, 1, MaxBlock);
            var calls = await AddAsync(caller, scope, minute, taking, cancellationToken);
            block.CallsSeen = calls;
            var granted = Math.Clamp(limit - (calls - taking), 0, taking);
            block.Spent = granted == 0;
            block.Left = Math.Max(0, granted - 1);
            return granted > 0;
        }
        finally
        {
            block.Turn.Release();
        }
    }

    /// <summary>Counts this call and returns how many calls of this kind the caller has made in this minute, it included.</summary>
    public async Task<int> CountAsync(string caller, string scope, long minute, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return _inProcess.AddOrUpdate((caller, scope, minute), 1, (_, calls) => calls + 1);
        return await AddAsync(caller, scope, minute, 1, cancellationToken);
    }

    private async Task<int> AddAsync(string caller, string scope, long minute, int calls, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ApiRateWindows" ("Caller", "Scope", "Minute", "Calls") VALUES ({caller}, {scope}, {minute}, {calls})
            ON CONFLICT ("Caller", "Scope", "Minute") DO UPDATE SET "Calls" = "ApiRateWindows"."Calls" + {calls}
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
        foreach (var window in _blocks.Keys.Where(w => w.Minute < minute)) _blocks.TryRemove(window, out _);
        if (database.Provider != DatabaseProvider.PostgreSql) return removed;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApiRateWindow>().Where(w => w.Minute < minute).ExecuteDeleteAsync(cancellationToken);
    }

    public static long MinuteOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;

    /// <summary>What this instance took of one caller's allowance for one kind of call and minute; one call at a time updates it.</summary>
    private sealed class Block
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public int Left { get; set; }
        public int CallsSeen { get; set; }
        public bool Spent { get; set; }
    }
}
