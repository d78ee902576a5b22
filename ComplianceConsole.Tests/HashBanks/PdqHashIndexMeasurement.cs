using System.Diagnostics;
using ComplianceConsole.Features.Review.HashBanks;

namespace ComplianceConsole.Tests.HashBanks;

/// <summary>
/// Figures for docs/hash-banks.md, not a check: explicit, so only
/// <c>dotnet run -- -class "*PdqHashIndexMeasurement*" -explicit only -showliveoutput</c> runs it. A bank of 1,000,000 random
/// hashes with 32 planted within 0..31 bits of each of 100 queries; real PDQ hashes of different images are not uniform,
/// but spread close enough to it (about 128 bits apart) that the bucket sizes, and so the work, are alike.
/// </summary>
public sealed class PdqHashIndexMeasurement(ITestOutputHelper output)
{
    private const int BankSize = 1_000_000;
    private const int PlantedQueries = 100;

    [Fact(Explicit = true)]
    public void Lookups_in_a_bank_of_a_million()
    {
        var random = new RandomHashes(seed: 2025);
        var entries = new List<(long, PdqHash)>(BankSize + PlantedQueries * 32);
        for (var id = 0; id < BankSize; id++) entries.Add((id, random.Next()));
        var queries = new List<PdqHash>();
        for (var q = 0; q < PlantedQueries; q++)
        {
            var query = random.Next();
            queries.Add(query);
            for (var bits = 0; bits < 32; bits++) entries.Add((BankSize + q * 32 + bits, random.Within(query, bits)));
        }
        var unplanted = Enumerable.Range(0, 900).Select(_ => random.Next()).ToList();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        using var index = new PdqHashIndex();
        index.AddRange(entries);
        build.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}, {Environment.ProcessorCount} cores");
        output.WriteLine($"built {index.Count:N0} entries in {build.Elapsed.TotalSeconds:F1} s, index holds {(after - before) / 1048576.0:F0} MB");

        foreach (var maxDistance in new[] { 31, 47, 48, 63 })
            Measure($"index d={maxDistance}", [.. queries, .. unplanted], q => index.Lookup(q, maxDistance).Count, planted: queries.Count);
        Measure("full scan d=31", [.. queries.Take(20)], q => entries.Count(e => q.Distance(e.Item2) <= 31), planted: 20);
    }

    private void Measure(string what, List<PdqHash> lookups, Func<PdqHash, int> lookup, int planted)
    {
        // Warm: the JIT compiles a method with loops at once for speed only after its first calls, as an instance's has after a minute.
        for (var pass = 0; pass < 5; pass++)
            foreach (var query in lookups) lookup(query);
        var micros = new List<double>(lookups.Count);
        var found = 0;
        var total = Stopwatch.StartNew();
        foreach (var query in lookups)
        {
            var one = Stopwatch.StartNew();
            found += lookup(query);
            micros.Add(one.Elapsed.TotalMicroseconds);
        }
        total.Stop();
        micros.Sort();
        output.WriteLine($"{what}: {lookups.Count / total.Elapsed.TotalSeconds:N0} lookups/s, mean {micros.Average():F0} µs, " +
            $"median {micros[micros.Count / 2]:F0} µs, p99 {micros[(int)(micros.Count * 0.99)]:F0} µs, max {micros[^1]:F0} µs; " +
            $"{found} found ({planted} queries had 32 planted within 31 bits)");
    }
}
