using System.Numerics;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// An in-memory bank of PDQ hashes answering "which entries are within d bits of this hash" without scanning them all, by
/// multi-index hashing (Norouzi, Punjani and Fleet, 'Fast Search in Hamming Space with Multi-Index Hashing', 2012; the
/// reference's pdq/cpp/index/mih.h does the same). The 256 bits are cut into 16 chunks of 16 bits, each with a table of
/// its 65,536 values. If two hashes are within d bits, by pigeonhole one of their 16 chunks differs by at most d / 16 bits,
/// so a lookup reads, in every table, the buckets of the values within d / 16 bits of the query's chunk (17 buckets each
/// for d = 31), and checks the full distance of the entries it finds there. docs/hash-banks.md has the measured figures.
/// <para>
/// The tables are compact: for each chunk, the slots sorted by the chunk's value with where each value's run starts, built at
/// once; so a million entries are a few large arrays, not a million small ones for every garbage collection to walk.
/// Beside each chunk's slots lies half of each entry's hash (the two 64-bit words after the one holding the chunk), in the
/// same order: the distance over half the bits is at most the whole distance, and unrelated hashes differ in some 64 of those
/// 128 bits, so nearly every candidate is ruled out by reading its bucket in sequence, and only the near ones cost a read of
/// their whole hash at a random place (which, done for every candidate, was most of a lookup's time: 0.17-0.23 ms at a
/// million). It costs 16 bytes an entry in each of the 16 tables.
/// </para>
/// <para>
/// Entries added since the tables were built are kept in a short list read in full, and folded into the tables when it
/// grows; a removed entry is marked dead until then. Reads run concurrently; a write waits for them and holds them off.
/// </para>
/// </summary>
public sealed class PdqHashIndex : IDisposable
{
    public const int DefaultMaxDistance = 31;
    public const int ChunkCount = PdqHash.BitCount / 16;

    /// <summary>64 bits, 4 per chunk: beyond that the buckets to read approach the whole table and a scan is as good.</summary>
    public const int MaxSupportedDistance = ChunkCount * ChunkNeighbours.MaxRadius;

    // Reading the recent list in full costs about what reading the tables' buckets does at a few thousand entries; folding a
    // million entries into new tables takes a fraction of a second, under the write lock.
    private const int MinRecentBeforeFolding = 4096;

    private readonly ReaderWriterLockSlim gate = new();
    private readonly Dictionary<long, int> slotOfEntry = []; // a slot in the tables, or ~index in the recent list
    private PdqHash[] hashes = [];
    private long[] entryIds = [];
    private bool[] dead = [];
    private int deadCount;
    private int[][] runStarts = NewRunStarts();
    private int[][] slotsByChunk = Enumerable.Range(0, ChunkCount).Select(_ => Array.Empty<int>()).ToArray();
    private HalfHash[][] halvesByChunk = Enumerable.Range(0, ChunkCount).Select(_ => Array.Empty<HalfHash>()).ToArray();
    private readonly List<(long EntryId, PdqHash Hash)> recent = [];

    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try { return slotOfEntry.Count; }
            finally { gate.ExitReadLock(); }
        }
    }

    /// <summary>Adds an entry, or replaces the hash of an entry already added under this id.</summary>
    public void Add(long entryId, PdqHash hash) => AddRange([(entryId, hash)]);

    /// <summary>Adds entries under one write lock, as when loading a bank; a large load is folded into the tables at once.</summary>
    public void AddRange(IEnumerable<(long EntryId, PdqHash Hash)> entries)
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var (entryId, hash) in entries)
            {
                RemoveUnlocked(entryId);
                slotOfEntry[entryId] = ~recent.Count;
                recent.Add((entryId, hash));
            }
            if (recent.Count > MinRecentBeforeFolding) Fold();
        }
        finally { gate.ExitWriteLock(); }
    }

    /// <summary>Removes an entry; false when there was none under this id.</summary>
    public bool Remove(long entryId)
    {
        gate.EnterWriteLock();
        try { return RemoveUnlocked(entryId); }
        finally { gate.ExitWriteLock(); }
    }

    /// <summary>The entries within <paramref name="maxDistance"/> bits of <paramref name="query"/>, nearest first (then by id).</summary>
    public IReadOnlyList<PdqMatch> Lookup(PdqHash query, int maxDistance = DefaultMaxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDistance, MaxSupportedDistance);
        var radius = maxDistance / ChunkCount;
        var masks = ChunkNeighbours.Masks.AsSpan(0, ChunkNeighbours.CountWithin[radius]);
        Span<ushort> queryChunks = stackalloc ushort[ChunkCount];
        for (var c = 0; c < ChunkCount; c++) queryChunks[c] = query.Chunk(c);

        var matches = new List<PdqMatch>();
        gate.EnterReadLock();
        try
        {
            if (BucketsCostMoreThanAScan(masks.Length)) ScanTables(query, maxDistance, matches);
            else ReadBuckets(query, queryChunks, masks, maxDistance, radius, matches);
            foreach (var (entryId, hash) in recent)
            {
                var distance = query.Distance(hash);
                if (distance <= maxDistance) matches.Add(new PdqMatch(entryId, distance));
            }
        }
        finally { gate.ExitReadLock(); }

        matches.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.EntryId.CompareTo(b.EntryId));
        return matches;
    }

    public void Dispose() => gate.Dispose();

    // Each probed bucket holds about Count / 65,536 entries, each checked by a read at a random place, where a scan reads every
    // entry in order; taking a random read as four sequential ones, the scan is cheaper at d = 64 only (16 x 2,517 buckets,
    // about 61% of the entries read at random). At 1,000,000 entries the scan measured 2.5-3 ms a lookup (docs/hash-banks.md).
    private static bool BucketsCostMoreThanAScan(int bucketsPerChunk) => 4 * ChunkCount * bucketsPerChunk > 1 << 16;

    // A lookup's time goes to reaching its buckets, each at a random place in its table: for one chunk at a time, where each of
    // its runs starts is read first and each run's first entry touched, in loops that only read, so the processor fetches them
    // all at once; reading one bucket to its end before finding the next waited for one after another. (All chunks' runs at
    // once measured slower: more places than the processor keeps the address translations of.)
    private void ReadBuckets(PdqHash query, ReadOnlySpan<ushort> queryChunks, ReadOnlySpan<ushort> masks, int maxDistance, int radius, List<PdqMatch> matches)
    {
        Span<int> runFrom = masks.Length <= 1024 ? stackalloc int[masks.Length] : new int[masks.Length];
        Span<int> runTo = masks.Length <= 1024 ? stackalloc int[masks.Length] : new int[masks.Length];
        for (var c = 0; c < ChunkCount; c++)
        {
            var starts = runStarts[c];
            var slots = slotsByChunk[c];
            var halves = halvesByChunk[c];
            for (var m = 0; m < masks.Length; m++)
            {
                var value = queryChunks[c] ^ masks[m];
                (runFrom[m], runTo[m]) = (starts[value], starts[value + 1]);
            }
            ulong touched = 0;
            for (var m = 0; m < masks.Length; m++)
                if (runFrom[m] < runTo[m]) touched ^= halves[runFrom[m]].First;
            GC.KeepAlive(touched);

            var queryHalf = HalfHash.Of(query, c);
            for (var m = 0; m < masks.Length; m++)
            {
                for (var i = runFrom[m]; i < runTo[m]; i++)
                {
                    if (queryHalf.Distance(halves[i]) > maxDistance) continue;
                    var slot = slots[i];
                    if (dead[slot]) continue;
                    var hash = hashes[slot];
                    var distance = query.Distance(hash);
                    if (distance <= maxDistance && !ReachedThroughEarlierChunk(queryChunks, hash, c, radius))
                        matches.Add(new PdqMatch(entryIds[slot], distance));
                }
            }
        }
    }

    private void ScanTables(PdqHash query, int maxDistance, List<PdqMatch> matches)
    {
        for (var slot = 0; slot < hashes.Length; slot++)
        {
            if (dead[slot]) continue;
            var distance = query.Distance(hashes[slot]);
            if (distance <= maxDistance) matches.Add(new PdqMatch(entryIds[slot], distance));
        }
    }

    // An entry close to the query in several chunks sits in a probed bucket of each; it is reported from the first only.
    private static bool ReachedThroughEarlierChunk(ReadOnlySpan<ushort> queryChunks, PdqHash hash, int chunk, int radius)
    {
        for (var c = 0; c < chunk; c++)
            if (BitOperations.PopCount((uint)(queryChunks[c] ^ hash.Chunk(c))) <= radius) return true;
        return false;
    }

    private bool RemoveUnlocked(long entryId)
    {
        if (!slotOfEntry.Remove(entryId, out var slot)) return false;
        if (slot >= 0)
        {
            dead[slot] = true;
            // Dead slots are only skipped; once they are an eighth of the tables, the tables are rebuilt without them.
            if (++deadCount > Math.Max(MinRecentBeforeFolding, hashes.Length / 8)) Fold();
            return true;
        }
        // The last of the recent list takes the removed one's place.
        var index = ~slot;
        var last = recent[^1];
        recent[index] = last;
        recent.RemoveAt(recent.Count - 1);
        if (index < recent.Count) slotOfEntry[last.EntryId] = ~index;
        return true;
    }

    /// <summary>Rebuilds the tables from the live entries and the recent list: a counting sort of the slots by each chunk.</summary>
    private void Fold()
    {
        var live = new List<(long EntryId, PdqHash Hash)>(hashes.Length - deadCount + recent.Count);
        for (var slot = 0; slot < hashes.Length; slot++)
            if (!dead[slot]) live.Add((entryIds[slot], hashes[slot]));
        live.AddRange(recent);
        recent.Clear();
        (hashes, entryIds, dead, deadCount) = (new PdqHash[live.Count], new long[live.Count], new bool[live.Count], 0);
        for (var slot = 0; slot < live.Count; slot++)
        {
            (entryIds[slot], hashes[slot]) = live[slot];
            slotOfEntry[live[slot].EntryId] = slot;
        }
        runStarts = NewRunStarts();
        slotsByChunk = new int[ChunkCount][];
        halvesByChunk = new HalfHash[ChunkCount][];
        for (var c = 0; c < ChunkCount; c++)
        {
            var starts = runStarts[c];
            foreach (var hash in hashes) starts[hash.Chunk(c) + 1]++;
            for (var v = 0; v < 1 << 16; v++) starts[v + 1] += starts[v];
            var next = starts[..^1];
            var slots = new int[hashes.Length];
            for (var slot = 0; slot < hashes.Length; slot++) slots[next[hashes[slot].Chunk(c)]++] = slot;
            slotsByChunk[c] = slots;
            var halves = new HalfHash[slots.Length];
            for (var i = 0; i < slots.Length; i++) halves[i] = HalfHash.Of(hashes[slots[i]], c);
            halvesByChunk[c] = halves;
        }
    }

    private static int[][] NewRunStarts() => Enumerable.Range(0, ChunkCount).Select(_ => new int[(1 << 16) + 1]).ToArray();
}

/// <summary>The two 64-bit words of a hash after the one that holds a chunk: half its bits, read to rule a candidate out.</summary>
internal readonly record struct HalfHash(ulong First, ulong Second)
{
    public static HalfHash Of(PdqHash hash, int chunk)
    {
        var word = chunk / 4;
        return new HalfHash(hash.Word((word + 1) % 4), hash.Word((word + 2) % 4));
    }

    public int Distance(HalfHash other) => BitOperations.PopCount(First ^ other.First) + BitOperations.PopCount(Second ^ other.Second);
}
