using System.Numerics;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// An in-memory bank of PDQ hashes answering "which entries are within d bits of this hash" without scanning them all, by
/// multi-index hashing (Norouzi, Punjani and Fleet, 'Fast Search in Hamming Space with Multi-Index Hashing', 2012; the
/// reference's pdq/cpp/index/mih.h does the same). The 256 bits are cut into 16 chunks of 16 bits, each with a table of
/// its 65,536 values. If two hashes are within d bits, by pigeonhole one of their 16 chunks differs by at most d / 16 bits,
/// so a lookup reads, in every table, the buckets of the values within d / 16 bits of the query's chunk (17 buckets each
/// for d = 31), and checks the full distance of the entries it finds there. docs/hash-banks.md has the measured figures.
/// Reads run concurrently; a write waits for them and holds them off.
/// </summary>
public sealed class PdqHashIndex : IDisposable
{
    public const int DefaultMaxDistance = 31;
    public const int ChunkCount = PdqHash.BitCount / 16;

    /// <summary>64 bits, 4 per chunk: beyond that the buckets to read approach the whole table and a scan is as good.</summary>
    public const int MaxSupportedDistance = ChunkCount * ChunkNeighbours.MaxRadius;

    private readonly ReaderWriterLockSlim gate = new();
    private readonly Bucket[][] tables = Enumerable.Range(0, ChunkCount).Select(_ => new Bucket[1 << 16]).ToArray();
    private readonly Dictionary<long, int> slotOfEntry = [];
    private readonly Stack<int> freeSlots = new();
    private PdqHash[] hashes = new PdqHash[1024];
    private long[] entryIds = new long[1024];
    private int usedSlots;

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

    /// <summary>Adds entries under one write lock, as when loading a bank.</summary>
    public void AddRange(IEnumerable<(long EntryId, PdqHash Hash)> entries)
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var (entryId, hash) in entries)
            {
                RemoveUnlocked(entryId);
                var slot = freeSlots.Count > 0 ? freeSlots.Pop() : NewSlot();
                hashes[slot] = hash;
                entryIds[slot] = entryId;
                slotOfEntry[entryId] = slot;
                for (var c = 0; c < ChunkCount; c++) tables[c][hash.Chunk(c)].Add(slot);
            }
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
            if (BucketsCostMoreThanAScan(masks.Length)) Scan(query, maxDistance, matches);
            else ReadBuckets(query, queryChunks, masks, maxDistance, radius, matches);
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

    private void ReadBuckets(PdqHash query, ReadOnlySpan<ushort> queryChunks, ReadOnlySpan<ushort> masks, int maxDistance, int radius, List<PdqMatch> matches)
    {
        for (var c = 0; c < ChunkCount; c++)
            foreach (var mask in masks)
            {
                ref readonly var bucket = ref tables[c][queryChunks[c] ^ mask];
                for (var i = 0; i < bucket.Count; i++)
                {
                    var slot = bucket.Slots![i];
                    var hash = hashes[slot];
                    var distance = query.Distance(hash);
                    if (distance <= maxDistance && !ReachedThroughEarlierChunk(queryChunks, hash, c, radius))
                        matches.Add(new PdqMatch(entryIds[slot], distance));
                }
            }
    }

    private void Scan(PdqHash query, int maxDistance, List<PdqMatch> matches)
    {
        foreach (var slot in slotOfEntry.Values)
        {
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
        var hash = hashes[slot];
        for (var c = 0; c < ChunkCount; c++) tables[c][hash.Chunk(c)].Remove(slot);
        freeSlots.Push(slot);
        return true;
    }

    private int NewSlot()
    {
        if (usedSlots == hashes.Length)
        {
            Array.Resize(ref hashes, hashes.Length * 2);
            Array.Resize(ref entryIds, entryIds.Length * 2);
        }
        return usedSlots++;
    }

    /// <summary>The slots whose hash has one value in one chunk; order does not matter, so removal swaps in the last.</summary>
    private struct Bucket
    {
        public int[]? Slots;
        public int Count;

        public void Add(int slot)
        {
            if (Slots is null || Count == Slots.Length) Array.Resize(ref Slots, Math.Max(4, Count * 2));
            Slots[Count++] = slot;
        }

        public void Remove(int slot)
        {
            var at = Array.IndexOf(Slots!, slot, 0, Count);
            Slots![at] = Slots[--Count];
        }
    }
}
