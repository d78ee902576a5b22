using System.Diagnostics;
using System.Globalization;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Review.HashBanks;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// A block bank of <paramref name="hashes"/> PDQ hashes, stored first when the database holds fewer: how long the console takes to
/// load it, and then lookups as ingestion makes them (<see cref="HashBankMatcher.Match"/>), half near a stored hash (within the
/// default distance) and half unrelated, p50, p99 and the slowest; beside it, as the yardstick, a scan of every hash for the same
/// queries. The bank stays, so a content-ingestion benchmark run after it (<c>--content-items … --with-hashes</c>) matches against it.
/// </summary>
public sealed class HashBankBenchmark(WebApplication app, int hashes, int lookups)
{
    public const string BankName = "benchmark-bank";
    private const int InsertBatch = 10_000;

    public async Task RunAsync(TextWriter output)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        // Queries come from another seed than the stored hashes, so an "unrelated" query is never a stored hash drawn again.
        var stored = await EnsureBankAsync(contexts, new Random(1), output);
        var random = new Random(2);
        output.WriteLine(BenchmarkHost.LoadAverage("before"));

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        var matcher = await app.Services.GetRequiredService<HashBankLibrary>().CurrentAsync();
        load.Stop();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {matcher.Count:N0} hashes of the enabled banks in {load.Elapsed.TotalSeconds:F1} s; managed heap +{(heapAfter - heapBefore) / (1024 * 1024):N0} MB."));

        var queries = Enumerable.Range(0, lookups).Select(i => i % 2 == 0 ? Near(stored[random.Next(stored.Count)], random, random.Next(0, 32)) : Random(random)).ToList();
        foreach (var q in queries.Take(200)) matcher.Match(q); // JIT and caches
        var times = new double[queries.Count];
        var matched = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (matcher.Match(queries[i]).Count > 0) matched++;
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        double At(double p) => times[Math.Min(times.Length - 1, (int)(p * times.Length))];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Lookups at distance {HashBank.DefaultMatchDistance} in a bank of {matcher.Count:N0} ({queries.Count:N0}, half near a stored hash, half unrelated; {matched:N0} matched): p50 {At(0.5):F3} ms, p99 {At(0.99):F3} ms, slowest {times[^1]:F3} ms."));

        var scanned = queries.Take(20).ToList();
        var scan = Stopwatch.StartNew();
        var found = scanned.Sum(q => stored.Count(h => h.Distance(q) <= HashBank.DefaultMatchDistance));
        scan.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Yardstick, a scan of all {stored.Count:N0} hashes: {scan.Elapsed.TotalMilliseconds / scanned.Count:F1} ms a lookup ({found} found in {scanned.Count} lookups)."));
        await TimeChangesAsync(contexts, random, output);
        output.WriteLine(BenchmarkHost.LoadAverage("after"));
    }

    /// <summary>How long the next ingestion batch waits for the matcher to take in a change: a bank edited, hashes added, one removed.</summary>
    private async Task TimeChangesAsync(IDbContextFactory<AppDbContext> contexts, Random random, TextWriter output)
    {
        var library = app.Services.GetRequiredService<HashBankLibrary>();
        async Task<double> TakenInAsync(Func<AppDbContext, Task> change)
        {
            await using (var db = await contexts.CreateDbContextAsync()) await change(db);
            var taken = Stopwatch.StartNew();
            await library.CurrentAsync();
            return taken.Elapsed.TotalMilliseconds;
        }
        static Task StampAsync(AppDbContext db) => db.HashBanks.Where(b => b.Name == BankName)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Version, b => b.Version + 1).SetProperty(b => b.UpdatedAtUtc, DateTime.UtcNow));

        var edited = await TakenInAsync(StampAsync);
        long bankId;
        await using (var db = await contexts.CreateDbContextAsync()) bankId = await db.HashBanks.Where(b => b.Name == BankName).Select(b => b.Id).SingleAsync();
        var added = await TakenInAsync(async db =>
        {
            var inputs = Enumerable.Range(0, 1_000).Select(_ => new HashEntryInput(Random(random).ToString(), null, null)).ToList();
            await HashBankEntries.AddAsync(db, bankId, inputs, HashBankEntryOrigin.Manual, null, "benchmark", DateTime.UtcNow, CancellationToken.None);
        });
        var removed = await TakenInAsync(async db =>
        {
            var entry = await db.HashBankEntries.Where(e => e.HashBankId == bankId).OrderByDescending(e => e.Id).FirstAsync();
            HashBankEntries.Remove(db, entry, DateTime.UtcNow);
            await db.SaveChangesAsync();
            await StampAsync(db);
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A change taken in by the matcher before the next lookup: the bank edited {edited:F0} ms, 1,000 hashes added {added:F0} ms, one removed {removed:F0} ms."));
    }

    /// <summary>The benchmark bank's hashes, after adding random ones until it holds as many as asked for.</summary>
    private async Task<List<PdqHash>> EnsureBankAsync(IDbContextFactory<AppDbContext> contexts, Random random, TextWriter output)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var bank = await db.HashBanks.SingleOrDefaultAsync(b => b.Name == BankName);
        if (bank is null)
        {
            var now = DateTime.UtcNow;
            bank = new HashBank { Name = BankName, Kind = HashBankKind.Block, ReasonCode = "rumour", CreatedAtUtc = now, CreatedByName = "benchmark", UpdatedAtUtc = now, UpdatedByName = "benchmark" };
            db.HashBanks.Add(bank);
            await db.SaveChangesAsync();
        }
        var existing = await db.HashBankEntries.CountAsync(e => e.HashBankId == bank.Id);
        if (existing < hashes)
        {
            output.WriteLine($"The bank holds {existing:N0} hashes; adding {hashes - existing:N0} random ones…");
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            for (var added = existing; added < hashes; added += InsertBatch)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = PreparedCommands.Prepare(connection, transaction,
                    """INSERT INTO "HashBankEntries" ("HashBankId", "Hash", "Quality", "Origin", "AddedAtUtc", "AddedByName") VALUES ($b, $h, 100, 3, $t, 'benchmark')""",
                    "$b", "$h", "$t");
                for (var i = added; i < Math.Min(hashes, added + InsertBatch); i++)
                    await PreparedCommands.ExecuteAsync(insert, CancellationToken.None, bank.Id, Random(random).ToString(), DateTime.UtcNow);
                await transaction.CommitAsync();
            }
        }
        var all = await db.HashBankEntries.AsNoTracking().Where(e => e.HashBankId == bank.Id).Select(e => e.Hash).ToListAsync();
        return all.Select(PdqHash.Parse).ToList();
    }

    public static PdqHash Random(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new PdqHash(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..16]), BitConverter.ToUInt64(bytes[16..24]), BitConverter.ToUInt64(bytes[24..]));
    }

    public static PdqHash Near(PdqHash origin, Random random, int bits)
    {
        var flipped = new HashSet<int>();
        while (flipped.Count < bits) flipped.Add(random.Next(PdqHash.BitCount));
        return PdqHash.FromBits(k => origin.Bit(k) ^ flipped.Contains(k));
    }
}
