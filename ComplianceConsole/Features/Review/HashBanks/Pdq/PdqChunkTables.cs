using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// The tables of a <see cref="PdqHashIndex"/>, built at once from a list of entries and never changed after: for each of the 16
/// chunks, the slots sorted by the chunk's value with where each value's run starts, so a million entries are a few large
/// arrays, not a million small ones for every garbage collection to walk. Beside each chunk's slots lies half of each entry's
/// hash (<see cref="HalfHash"/>) in the same order: the distance over half the bits is at most the whole distance, and
/// unrelated hashes differ in some 64 of those 128 bits, so nearly every candidate is ruled out by reading its bucket in
/// sequence, and only the near ones cost a read of their whole hash at a random place (which, done for every candidate, was
/// most of a lookup's time: 0.17-0.23 ms at a million, then 0.05 ms; 0.02 ms with the next chunk fetched ahead). It costs 16
/// bytes an entry in each of the 16 tables.
/// </summary>
internal sealed class PdqChunkTables
{
    public static readonly PdqChunkTables Empty = Build([]);

    private readonly PdqHash[] hashes;
    private readonly long[] entryIds;
    private readonly int[][] runStarts;
    private readonly int[][] slotsByChunk;
    private readonly HalfHash[][] halvesByChunk;

    private PdqChunkTables(PdqHash[] hashes, long[] entryIds, int[][] runStarts, int[][] slotsByChunk, HalfHash[][] halvesByChunk) =>
        (this.hashes, this.entryIds, this.runStarts, this.slotsByChunk, this.halvesByChunk) = (hashes, entryIds, runStarts, slotsByChunk, halvesByChunk);

    public int Count => hashes.Length;

    public (long EntryId, PdqHash Hash) this[int slot] => (entryIds[slot], hashes[slot]);

    /// <summary>Tables of <paramref name="entries"/>, entry k in slot k: a counting sort of the slots by each chunk.</summary>
    public static PdqChunkTables Build(IReadOnlyList<(long EntryId, PdqHash Hash)> entries)
    {
        var (hashes, entryIds) = (new PdqHash[entries.Count], new long[entries.Count]);
        for (var slot = 0; slot < entries.Count; slot++) (entryIds[slot], hashes[slot]) = entries[slot];
        var runStarts = new int[PdqHashIndex.ChunkCount][];
        var slotsByChunk = new int[PdqHashIndex.ChunkCount][];
        var halvesByChunk = new HalfHash[PdqHashIndex.ChunkCount][];
        for (var c = 0; c < PdqHashIndex.ChunkCount; c++)
        {
            var starts = runStarts[c] = new int[(1 << 16) + 1];
            foreach (var hash in hashes) starts[hash.Chunk(c) + 1]++;
            for (var v = 0; v < 1 << 16; v++) starts[v + 1] += starts[v];
            var next = starts[..^1];
            var slots = slotsByChunk[c] = new int[hashes.Length];
            for (var slot = 0; slot < hashes.Length; slot++) slots[next[hashes[slot].Chunk(c)]++] = slot;
            // Pinned: a lookup asks the processor to fetch parts of them ahead by address (ReadBuckets).
            var halves = halvesByChunk[c] = GC.AllocateUninitializedArray<HalfHash>(slots.Length, pinned: true);
            for (var i = 0; i < slots.Length; i++) halves[i] = HalfHash.Of(hashes[slots[i]], c);
        }
        return new PdqChunkTables(hashes, entryIds, runStarts, slotsByChunk, halvesByChunk);
    }

    /// <summary>Adds the live entries within <paramref name="maxDistance"/> of <paramref name="query"/> to <paramref name="matches"/>.</summary>
    public void Lookup(PdqHash query, int maxDistance, bool[] dead, List<PdqMatch> matches)
    {
        var radius = maxDistance / PdqHashIndex.ChunkCount;
        var masks = ChunkNeighbours.Masks.AsSpan(0, ChunkNeighbours.CountWithin[radius]);
        if (BucketsCostMoreThanAScan(masks.Length))
        {
            Scan(query, maxDistance, dead, matches);
            return;
        }
        Span<ushort> queryChunks = stackalloc ushort[PdqHashIndex.ChunkCount];
        for (var c = 0; c < PdqHashIndex.ChunkCount; c++) queryChunks[c] = query.Chunk(c);
        ReadBuckets(query, queryChunks, masks, maxDistance, radius, dead, matches);
    }

    // A scan reads every entry's whole hash in order; the buckets read, for each of a chunk's values within the radius, a run of
    // half hashes at a random place, and a whole hash at a random place for each candidate near enough in its half (at
    // d = 47, with 137 values a chunk, 0.37 ms a lookup at a million against 1.3 ms for the scan). At d = 48 and beyond (697
    // and 2,517 values a chunk) half the candidates' halves are as near as that by chance, and the scan is cheaper.
    private static bool BucketsCostMoreThanAScan(int bucketsPerChunk) => bucketsPerChunk > 137;

    // A lookup's time goes to waiting for its buckets, each a run of half hashes at a random place in a table of 16 MB at a
    // million: 272 runs of some 4 cache lines, and reading them one after another waited for each in turn. So where the next
    // chunk's runs lie is read, and the processor is asked to fetch all their lines, before this chunk's candidates are checked:
    // the fetches overlap each other and the checking (a lookup at a million, warm: median 49 -> 19 µs, docs/hash-banks.md).
    // Touching only each run's first entry, or fetching every chunk's runs at once (more than the processor keeps in flight),
    // gained less.
    private void ReadBuckets(PdqHash query, ReadOnlySpan<ushort> queryChunks, ReadOnlySpan<ushort> masks, int maxDistance, int radius, bool[] dead,
        List<PdqMatch> matches)
    {
        var runCount = PdqHashIndex.ChunkCount * masks.Length;
        Span<int> runFrom = runCount <= 1024 ? stackalloc int[runCount] : new int[runCount];
        Span<int> runTo = runCount <= 1024 ? stackalloc int[runCount] : new int[runCount];
        FindRuns(0, queryChunks, masks, runFrom, runTo);
        for (var c = 0; c < PdqHashIndex.ChunkCount; c++)
        {
            if (c + 1 < PdqHashIndex.ChunkCount) FindRuns(c + 1, queryChunks, masks, runFrom, runTo);
            var slots = slotsByChunk[c];
            var halves = halvesByChunk[c];
            var queryHalf = HalfHash.Of(query, c);
            for (var run = c * masks.Length; run < (c + 1) * masks.Length; run++)
            {
                for (var i = runFrom[run]; i < runTo[run]; i++)
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

    /// <summary>Where chunk <paramref name="c"/>'s runs within the masks lie, with their lines asked of memory ahead of their reading.</summary>
    private unsafe void FindRuns(int c, ReadOnlySpan<ushort> queryChunks, ReadOnlySpan<ushort> masks, Span<int> runFrom, Span<int> runTo)
    {
        var starts = runStarts[c];
        var halves = halvesByChunk[c];
        for (var m = 0; m < masks.Length; m++)
        {
            var value = queryChunks[c] ^ masks[m];
            (runFrom[c * masks.Length + m], runTo[c * masks.Length + m]) = (starts[value], starts[value + 1]);
        }
        if (halves.Length == 0 || !Sse.IsSupported) return;
        fixed (HalfHash* first = halves)
        {
            for (var run = c * masks.Length; run < (c + 1) * masks.Length; run++)
                for (var i = runFrom[run]; i < runTo[run]; i += HalvesPerCacheLine) Sse.Prefetch0(first + i);
        }
    }

    private const int HalvesPerCacheLine = 64 / 16;

    private void Scan(PdqHash query, int maxDistance, bool[] dead, List<PdqMatch> matches)
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
