using ComplianceConsole.Features.Review.HashBanks;

namespace ComplianceConsole.Tests.HashBanks;

public sealed class PdqHashIndexTests
{
    private const int BankSize = 20_000;
    private const int PlantedFarthest = 40;

    /// <summary>20,000 random hashes, and around each of a few queries one planted hash at every distance 0..40.</summary>
    private sealed class Bank
    {
        public readonly List<(long EntryId, PdqHash Hash)> Entries = [];
        public readonly List<PdqHash> Queries = [];

        public Bank()
        {
            var random = new RandomHashes(seed: 25);
            for (var id = 0; id < BankSize; id++) Entries.Add((id, random.Next()));
            for (var q = 0; q < 5; q++)
            {
                var query = random.Next();
                Queries.Add(query);
                for (var bits = 0; bits <= PlantedFarthest; bits++) Entries.Add((1_000_000 * (q + 1) + bits, random.Within(query, bits)));
            }
        }

        public List<PdqMatch> Scan(PdqHash query, int maxDistance) => Entries
            .Select(e => new PdqMatch(e.EntryId, query.Distance(e.Hash)))
            .Where(m => m.Distance <= maxDistance)
            .OrderBy(m => m.Distance).ThenBy(m => m.EntryId)
            .ToList();
    }

    private static readonly Bank Sample = new();

    private static PdqHashIndex IndexOf(Bank bank)
    {
        var index = new PdqHashIndex();
        index.AddRange(bank.Entries);
        return index;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(PdqHashIndex.DefaultMaxDistance)]
    [InlineData(32)]
    [InlineData(47)]
    [InlineData(PdqHashIndex.MaxSupportedDistance)]
    public void A_lookup_finds_exactly_what_a_full_scan_finds_nearest_first(int maxDistance)
    {
        using var index = IndexOf(Sample);

        foreach (var query in Sample.Queries)
            Assert.Equal(Sample.Scan(query, maxDistance), index.Lookup(query, maxDistance));
    }

    [Fact]
    public void At_the_default_distance_the_planted_neighbours_up_to_31_bits_are_found_and_none_beyond()
    {
        using var index = IndexOf(Sample);

        var distances = index.Lookup(Sample.Queries[0]).Select(m => m.Distance);

        Assert.Equal(Enumerable.Range(0, 32), distances);
    }

    [Fact]
    public void A_removed_entry_is_no_longer_found_and_its_id_can_be_added_again()
    {
        using var index = IndexOf(Sample);
        var query = Sample.Queries[1];
        var (nearId, nearHash) = Sample.Entries.Single(e => e.EntryId == 2_000_005);

        Assert.True(index.Remove(nearId));
        Assert.False(index.Remove(nearId));
        Assert.DoesNotContain(index.Lookup(query), m => m.EntryId == nearId);
        Assert.Equal(Sample.Entries.Count - 1, index.Count);

        index.Add(nearId, nearHash);
        Assert.Contains(new PdqMatch(nearId, 5), index.Lookup(query));
        Assert.Equal(Sample.Entries.Count, index.Count);
    }

    [Fact]
    public void Entries_removed_and_added_one_at_a_time_around_the_compact_tables_are_found_as_a_scan_finds_them_before_and_after_they_fold()
    {
        using var index = IndexOf(Sample);
        var live = Sample.Entries.ToDictionary(e => e.EntryId, e => e.Hash);
        var random = new RandomHashes(seed: 77);
        void Check() => AssertFindsAsAScanOf(live, index);

        for (var bits = 0; bits <= 31; bits += 2) Assert.True(index.Remove(1_000_000 + bits) && live.Remove(1_000_000 + bits)); // in the tables
        for (var i = 0; i < 100; i++)
        {
            var (id, hash) = (5_000_000L + i, random.Within(Sample.Queries[i % Sample.Queries.Count], i % 40));
            index.Add(id, hash);
            live[id] = hash;
        }
        for (var i = 0; i < 100; i += 3) Assert.True(index.Remove(5_000_000L + i) && live.Remove(5_000_000L + i)); // in the recent list
        Check();

        for (var i = 0; i < 5_000; i++) // enough to fold the recent list into the tables
        {
            var (id, hash) = (6_000_000L + i, random.Next());
            index.Add(id, hash);
            live[id] = hash;
        }
        Check();
        Assert.Equal(live.Count, index.Count);
    }

    [Fact]
    public async Task Entries_added_removed_and_replaced_by_several_writers_while_new_tables_are_built_are_found_as_a_scan_finds_them()
    {
        using var index = IndexOf(Sample);
        var live = new System.Collections.Concurrent.ConcurrentDictionary<long, PdqHash>(Sample.Entries.Select(e => KeyValuePair.Create(e.EntryId, e.Hash)));
        const int Writers = 3;
        // Each writer adds past the recent list's limit more than once, so tables are built while the others go on writing.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            var random = new RandomHashes(seed: 500 + w);
            for (var i = 0; i < 6_000; i++)
            {
                var id = 10_000_000L * (w + 1) + i;
                var hash = random.Within(Sample.Queries[i % Sample.Queries.Count], i % 40);
                index.Add(id, hash);
                live[id] = hash;
                if (i % 3 == 2) Assert.True(index.Remove(id - 1) && live.TryRemove(id - 1, out _)); // often still in the recent list
                if (i % 7 == 0) // an entry of the tables, removed or given a new hash
                {
                    var (stored, _) = Sample.Entries[(i / 7 * Writers + w) % Sample.Entries.Count];
                    if (i % 2 == 0)
                    {
                        index.Remove(stored);
                        live.TryRemove(stored, out _);
                    }
                    else
                    {
                        var replaced = random.Within(Sample.Queries[w], i % 32);
                        index.Add(stored, replaced);
                        live[stored] = replaced;
                    }
                }
            }
        }));

        await Task.WhenAll(writers);

        AssertFindsAsAScanOf(live, index);
        Assert.Equal(live.Count, index.Count);
    }

    private static void AssertFindsAsAScanOf(IEnumerable<KeyValuePair<long, PdqHash>> live, PdqHashIndex index)
    {
        foreach (var query in Sample.Queries)
        {
            var scan = live.Select(e => new PdqMatch(e.Key, query.Distance(e.Value))).Where(m => m.Distance <= PdqHashIndex.DefaultMaxDistance)
                .OrderBy(m => m.Distance).ThenBy(m => m.EntryId).ToList();
            Assert.Equal(scan, index.Lookup(query));
        }
    }

    [Fact]
    public void Adding_an_id_again_replaces_its_hash()
    {
        using var index = new PdqHashIndex();
        var random = new RandomHashes(seed: 7);
        var (first, second) = (random.Next(), random.Next());

        index.Add(42, first);
        index.Add(42, second);

        Assert.Empty(index.Lookup(first));
        Assert.Equal([new PdqMatch(42, 0)], index.Lookup(second));
        Assert.Equal(1, index.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(PdqHashIndex.MaxSupportedDistance + 1)]
    public void A_distance_outside_0_to_64_is_refused(int maxDistance)
    {
        using var index = new PdqHashIndex();

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Lookup(PdqHash.Zero, maxDistance));
    }

    [Fact]
    public async Task Lookups_running_while_entries_come_and_go_see_the_stable_entries_every_time()
    {
        using var index = IndexOf(Sample);
        var query = Sample.Queries[2];
        var expected = Sample.Scan(query, PdqHashIndex.DefaultMaxDistance);
        var churn = new RandomHashes(seed: 3);

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                index.Add(-1 - i, churn.Next());
                index.Remove(-1 - i);
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted) Assert.Equal(expected, index.Lookup(query));
        }));

        await Task.WhenAll([writer, .. readers]);
        Assert.Equal(Sample.Entries.Count, index.Count);
    }
}
