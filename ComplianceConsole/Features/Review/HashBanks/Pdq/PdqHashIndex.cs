namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// An in-memory bank of PDQ hashes answering "which entries are within d bits of this hash" without scanning them all, by
/// multi-index hashing (Norouzi, Punjani and Fleet, 'Fast Search in Hamming Space with Multi-Index Hashing', 2012; the
/// reference's pdq/cpp/index/mih.h does the same). The 256 bits are cut into 16 chunks of 16 bits, each with a table of
/// its 65,536 values. If two hashes are within d bits, by pigeonhole one of their 16 chunks differs by at most d / 16 bits,
/// so a lookup reads, in every table, the buckets of the values within d / 16 bits of the query's chunk (17 buckets each
/// for d = 31), and checks the full distance of the entries it finds there. docs/hash-banks.md has the measured figures.
/// <para>
/// The tables (<see cref="PdqChunkTables"/>) are built at once and never changed. Entries added since are kept in a short list
/// read in full, and a removed entry is marked dead; when the list grows long, or the dead many, new tables are built from the
/// live entries in the background while lookups go on with the old ones, and take their place with what changed meanwhile
/// (building a million takes a second: under the lock, every 4,096 hashes added would hold ingestion's lookups off that long).
/// Reads run concurrently; a write waits for them and holds them off, briefly.
/// </para>
/// </summary>
public sealed class PdqHashIndex : IDisposable
{
    public const int DefaultMaxDistance = 31;
    public const int ChunkCount = PdqHash.BitCount / 16;

    /// <summary>64 bits, 4 per chunk: beyond that the buckets to read approach the whole table and a scan is as good.</summary>
    public const int MaxSupportedDistance = ChunkCount * ChunkNeighbours.MaxRadius;

    // Each lookup reads the recent list in full: at 4,096 entries, 128 KB in sequence, a part of what the tables' buckets cost.
    private const int MinRecentBeforeFolding = 4096;

    private readonly ReaderWriterLockSlim gate = new();
    private Dictionary<long, int> slotOfEntry = []; // a slot in the tables, or ~index in the recent list
    private PdqChunkTables tables = PdqChunkTables.Empty;
    private bool[] dead = [];
    private int deadCount;
    private readonly List<(long EntryId, PdqHash Hash)> recent = [];
    private HashSet<long>? changedWhileFolding; // not null while new tables are being built

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

    /// <summary>
    /// Adds entries under one write lock, as when loading a bank. A large load (more than the recent list holds) is built into
    /// new tables before this returns; when fewer push the recent list past its limit, the tables are built in the background.
    /// Lookups and other writes go on meanwhile either way.
    /// </summary>
    public void AddRange(IEnumerable<(long EntryId, PdqHash Hash)> entries)
    {
        List<(long EntryId, PdqHash Hash)>? toFold;
        var added = 0;
        gate.EnterWriteLock();
        try
        {
            foreach (var (entryId, hash) in entries)
            {
                RemoveUnlocked(entryId);
                slotOfEntry[entryId] = ~recent.Count;
                recent.Add((entryId, hash));
                added++;
            }
            toFold = StartFoldingIfDue();
        }
        finally { gate.ExitWriteLock(); }
        if (toFold is null) return;
        if (added > MinRecentBeforeFolding) Fold(toFold);
        else FoldInBackground(toFold);
    }

    /// <summary>Removes an entry; false when there was none under this id.</summary>
    public bool Remove(long entryId) => RemoveRange([entryId]) == 1;

    /// <summary>Removes the entries there are under these ids, under one write lock; how many there were.</summary>
    public int RemoveRange(IEnumerable<long> entryIds)
    {
        var removed = 0;
        List<(long EntryId, PdqHash Hash)>? toFold;
        gate.EnterWriteLock();
        try
        {
            foreach (var entryId in entryIds)
                if (RemoveUnlocked(entryId)) removed++;
            toFold = StartFoldingIfDue();
        }
        finally { gate.ExitWriteLock(); }
        if (toFold is not null) FoldInBackground(toFold);
        return removed;
    }

    /// <summary>The entries within <paramref name="maxDistance"/> bits of <paramref name="query"/>, nearest first (then by id).</summary>
    public IReadOnlyList<PdqMatch> Lookup(PdqHash query, int maxDistance = DefaultMaxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDistance, MaxSupportedDistance);
        var matches = new List<PdqMatch>();
        gate.EnterReadLock();
        try
        {
            tables.Lookup(query, maxDistance, dead, matches);
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

    private bool RemoveUnlocked(long entryId)
    {
        if (!slotOfEntry.Remove(entryId, out var slot)) return false;
        changedWhileFolding?.Add(entryId);
        if (slot >= 0)
        {
            // Dead slots are only skipped until the tables are next built.
            dead[slot] = true;
            deadCount++;
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

    /// <summary>Under the write lock: the live entries to build new tables of, when they are due and no one is building them.</summary>
    private List<(long EntryId, PdqHash Hash)>? StartFoldingIfDue()
    {
        var due = recent.Count > MinRecentBeforeFolding || deadCount > Math.Max(MinRecentBeforeFolding, tables.Count / 8);
        if (!due || changedWhileFolding is not null) return null;
        changedWhileFolding = [];
        var live = new List<(long EntryId, PdqHash Hash)>(tables.Count - deadCount + recent.Count);
        for (var slot = 0; slot < tables.Count; slot++)
            if (!dead[slot]) live.Add(tables[slot]);
        live.AddRange(recent);
        return live;
    }

    private void FoldInBackground(List<(long EntryId, PdqHash Hash)> live) => _ = Task.Run(() =>
    {
        try { Fold(live); }
        catch (ObjectDisposedException) { } // the index was let go of meanwhile
    });

    /// <summary>
    /// Builds tables of <paramref name="live"/> without the lock, then, under it, puts them in place: an entry removed or replaced
    /// meanwhile is dead in them, and the recent list keeps only what was added meanwhile. Goes again if that is due already.
    /// </summary>
    private void Fold(List<(long EntryId, PdqHash Hash)> live)
    {
        for (List<(long EntryId, PdqHash Hash)>? next = live; next is not null;)
        {
            PdqChunkTables built;
            Dictionary<long, int> placed;
            try
            {
                built = PdqChunkTables.Build(next);
                placed = new Dictionary<long, int>(next.Count);
                for (var slot = 0; slot < next.Count; slot++) placed[next[slot].EntryId] = slot;
            }
            catch
            {
                gate.EnterWriteLock();
                try { changedWhileFolding = null; }
                finally { gate.ExitWriteLock(); }
                throw;
            }

            gate.EnterWriteLock();
            try
            {
                var builtDead = new bool[built.Count];
                var builtDeadCount = 0;
                foreach (var entryId in changedWhileFolding!)
                {
                    if (!placed.Remove(entryId, out var slot)) continue;
                    builtDead[slot] = true;
                    builtDeadCount++;
                }
                recent.RemoveAll(e => placed.ContainsKey(e.EntryId));
                for (var index = 0; index < recent.Count; index++) placed[recent[index].EntryId] = ~index;
                (tables, dead, deadCount, slotOfEntry, changedWhileFolding) = (built, builtDead, builtDeadCount, placed, null);
                next = StartFoldingIfDue();
            }
            finally { gate.ExitWriteLock(); }
        }
    }
}
