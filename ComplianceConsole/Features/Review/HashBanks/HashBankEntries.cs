using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// Adds hashes to a bank inside the caller's transaction, whoever adds them: a Manager, a CSV file, the platform, a decision.
/// A hash the bank holds already is not added twice; one given twice in the same call is added once. Removes one with the note
/// of its removal every instance's matcher reads.
/// </summary>
internal static class HashBankEntries
{
    public static async Task<IReadOnlyList<HashEntryResult>> AddAsync(AppDbContext db, long bankId, IReadOnlyList<HashEntryInput> inputs,
        HashBankEntryOrigin origin, long? reviewCaseId, string addedBy, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await TakeWriteLockAsync(db, cancellationToken);
        var results = new HashEntryResult?[inputs.Count];
        var valid = new List<(int Index, string Hash, HashEntryInput Input)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (hash, errors) = HashBankValidation.Entry(inputs[i]);
            if (hash is null) results[i] = new HashEntryResult(i, HashEntryOutcome.Invalid, null, errors);
            else valid.Add((i, hash, inputs[i]));
        }
        var hashes = valid.Select(v => v.Hash).Distinct().ToList();
        var known = hashes.Count == 0 ? [] : await db.HashBankEntries.AsNoTracking()
            .Where(e => e.HashBankId == bankId && EF.Parameter(hashes).Contains(e.Hash)).ToDictionaryAsync(e => e.Hash, e => e.Id, cancellationToken);
        var added = new Dictionary<string, HashBankEntry>();
        foreach (var (_, hash, input) in valid)
        {
            if (known.ContainsKey(hash) || added.ContainsKey(hash)) continue;
            var entry = new HashBankEntry
            {
                HashBankId = bankId, Hash = hash, Quality = input.Quality, Origin = origin, ReviewCaseId = reviewCaseId,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), AddedAtUtc = nowUtc, AddedByName = addedBy,
            };
            added[hash] = entry;
            db.HashBankEntries.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
        var firstOf = new HashSet<string>();
        foreach (var (index, hash, _) in valid)
        {
            results[index] = added.TryGetValue(hash, out var entry) && firstOf.Add(hash)
                ? new HashEntryResult(index, HashEntryOutcome.Added, entry.Id, [])
                : new HashEntryResult(index, HashEntryOutcome.AlreadyInBank, known.TryGetValue(hash, out var id) ? id : added[hash].Id, []);
        }
        return results!;
    }

    /// <summary>Removes an entry, noting its removal for the matchers, in the caller's transaction (which holds the write lock).</summary>
    public static void Remove(AppDbContext db, HashBankEntry entry, DateTime nowUtc)
    {
        db.HashBankEntries.Remove(entry);
        db.HashBankEntryRemovals.Add(new HashBankEntryRemoval { HashBankId = entry.HashBankId, EntryId = entry.Id, RemovedAtUtc = nowUtc });
    }

    /// <summary>
    /// On PostgreSQL, entries and removals commit in the order of their ids, under a lock held to the commit: that is what lets
    /// <see cref="HashBankLibrary"/> read only those after the last it saw (an id committed after a higher one would be skipped).
    /// </summary>
    public static async Task TakeWriteLockAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLock.HashBankEntries.Key})", cancellationToken);
    }
}
