namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>A block bank's entry that a hash matched: the nearest one of the bank, and the case that fed it.</summary>
public sealed record BankMatch(long BankId, string BankName, string ReasonCode, long EntryId, long? ReviewCaseId, int Distance);

/// <summary>
/// The enabled banks as of one <see cref="HashBankMark"/>: a hash matches a bank when one of its entries is within the bank's
/// distance; a hash any allow bank matches is a known false positive and matches no block bank.
/// </summary>
public sealed class HashBankMatcher
{
    internal static readonly HashBankMatcher Empty = new(HashBankMark.None, []);

    private readonly Dictionary<long, MatchingBank> _banks;
    private readonly PdqHashIndex _index;
    private readonly EntryRefs _entries;
    private readonly int _widest;

    internal HashBankMatcher(HashBankMark mark, IReadOnlyList<MatchingBank> banks)
        : this(mark, banks.ToDictionary(b => b.Id), new PdqHashIndex(), new EntryRefs())
    {
    }

    private HashBankMatcher(HashBankMark mark, Dictionary<long, MatchingBank> banks, PdqHashIndex index, EntryRefs entries)
    {
        (Mark, _banks, _index, _entries) = (mark, banks, index, entries);
        _widest = banks.Count == 0 ? 0 : banks.Values.Max(b => b.MatchDistance);
    }

    internal HashBankMark Mark { get; }

    internal IReadOnlyCollection<long> BankIds => _banks.Keys;

    /// <summary>The index this matcher reads, shared with the matchers it was changed from and into.</summary>
    internal PdqHashIndex Index => _index;

    /// <summary>How many hashes the enabled banks hold.</summary>
    public int Count => _index.Count;

    public bool IsEmpty => _banks.Count == 0 || _index.Count == 0;

    /// <summary>
    /// This matcher as of <paramref name="mark"/>: the enabled banks as they now are, with entries added and removed. The index is
    /// shared with this matcher, which is no longer current: each entry is known before its hash can be found, and a bank no
    /// longer enabled has its entries taken out (a bank enabled again is among <paramref name="added"/>, all its entries).
    /// </summary>
    internal HashBankMatcher Changed(HashBankMark mark, IReadOnlyList<MatchingBank>? banks, IReadOnlyList<MatchingEntry> added, IReadOnlyCollection<long> removed)
    {
        var nowEnabled = banks?.ToDictionary(b => b.Id) ?? _banks;
        _entries.AddRange(added);
        _index.AddRange(added.Select(e => (e.Id, PdqHash.Parse(e.Hash))));
        // Removals after additions: an entry read among the added and removed before its removal was read stays out.
        var gone = removed.Concat(_entries.IdsInBanks(_banks.Keys.Where(id => !nowEnabled.ContainsKey(id)).ToHashSet())).ToList();
        _index.RemoveRange(gone);
        _entries.RemoveRange(gone);
        return new HashBankMatcher(mark, nowEnabled, _index, _entries);
    }

    /// <summary>The block banks this hash matches, each with its nearest entry; none when an allow bank matches it.</summary>
    public IReadOnlyList<BankMatch> Match(PdqHash hash)
    {
        if (IsEmpty) return [];
        var nearest = new Dictionary<long, (long EntryId, EntryRef Entry, int Distance)>();
        foreach (var found in _index.Lookup(hash, _widest))
        {
            if (!_entries.TryGetValue(found.EntryId, out var entry) || !_banks.TryGetValue(entry.BankId, out var bank)) continue;
            if (found.Distance > bank.MatchDistance) continue;
            if (bank.Kind == HashBankKind.Allow) return [];
            if (!nearest.TryGetValue(bank.Id, out var best) || found.Distance < best.Distance || (found.Distance == best.Distance && found.EntryId < best.EntryId))
                nearest[bank.Id] = (found.EntryId, entry, found.Distance);
        }
        return nearest.Values.OrderBy(m => m.Entry.BankId)
            .Select(m => new BankMatch(m.Entry.BankId, _banks[m.Entry.BankId].Name, _banks[m.Entry.BankId].ReasonCode!, m.EntryId, m.Entry.ReviewCaseId, m.Distance))
            .ToList();
    }
}

/// <summary>What a match needs of an entry besides its hash (which the index holds): its bank and the case that fed it.</summary>
internal readonly record struct EntryRef(long BankId, long? ReviewCaseId);

/// <summary>
/// Each entry's bank and case by its id, read by lookups while the library adds entries: one dictionary (a few large arrays,
/// not an object per entry as a concurrent dictionary keeps) behind a reader-writer lock.
/// </summary>
internal sealed class EntryRefs
{
    private readonly ReaderWriterLockSlim _gate = new();
    private readonly Dictionary<long, EntryRef> _refs = [];

    public void AddRange(IReadOnlyList<MatchingEntry> entries)
    {
        _gate.EnterWriteLock();
        try
        {
            _refs.EnsureCapacity(_refs.Count + entries.Count);
            foreach (var entry in entries) _refs[entry.Id] = new EntryRef(entry.BankId, entry.ReviewCaseId);
        }
        finally { _gate.ExitWriteLock(); }
    }

    public void RemoveRange(IReadOnlyCollection<long> entryIds)
    {
        if (entryIds.Count == 0) return;
        _gate.EnterWriteLock();
        try
        {
            foreach (var entryId in entryIds) _refs.Remove(entryId);
        }
        finally { _gate.ExitWriteLock(); }
    }

    /// <summary>The entries of these banks (a walk of every entry: a bank disabled is rare).</summary>
    public List<long> IdsInBanks(IReadOnlySet<long> bankIds)
    {
        if (bankIds.Count == 0) return [];
        _gate.EnterReadLock();
        try { return _refs.Where(r => bankIds.Contains(r.Value.BankId)).Select(r => r.Key).ToList(); }
        finally { _gate.ExitReadLock(); }
    }

    public bool TryGetValue(long entryId, out EntryRef entry)
    {
        _gate.EnterReadLock();
        try { return _refs.TryGetValue(entryId, out entry); }
        finally { _gate.ExitReadLock(); }
    }
}

