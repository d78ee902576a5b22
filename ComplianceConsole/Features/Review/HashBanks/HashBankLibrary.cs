using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// The enabled banks' hashes in one <see cref="PdqHashIndex"/>, as every ingestion matches against them. Before each use it reads
/// the banks' change mark (their count, newest edit and the sum of their versions, the newest entry's id and the newest removal's)
/// and brings the matcher up to it: entries added are loaded, entries removed (<see cref="HashBankEntryRemoval"/>) and the
/// entries of a bank disabled are taken out, a bank enabled has its entries loaded, a bank edited is matched as it now is. The
/// index is built in full once, on first use; a change costs what it changed. So a hash added or removed on any instance
/// counts for the next copy on every instance.
/// </summary>
public sealed class HashBankLibrary(IDbContextFactory<AppDbContext> contextFactory)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile HashBankMatcher _current = HashBankMatcher.Empty;

    public async Task<HashBankMatcher> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mark = await MarkAsync(db, cancellationToken);
        if (mark == _current.Mark) return _current;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            mark = await MarkAsync(db, cancellationToken);
            var current = _current;
            if (mark == current.Mark) return current;
            _current = ReferenceEquals(current, HashBankMatcher.Empty) ? await BuildAsync(db, mark, cancellationToken) : await ChangedAsync(db, current, mark, cancellationToken);
            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static async Task<HashBankMatcher> BuildAsync(AppDbContext db, HashBankMark mark, CancellationToken cancellationToken)
    {
        var matcher = new HashBankMatcher(mark, await EnabledBanksAsync(db, cancellationToken));
        return matcher.Changed(mark, banks: null, await EntriesAsync(db, 0, matcher.BankIds, cancellationToken), removed: []);
    }

    // What is read here may be newer than the mark read before it: the next change reads it again, which adds and removes the
    // same entries again, to the same effect.
    private static async Task<HashBankMatcher> ChangedAsync(AppDbContext db, HashBankMatcher current, HashBankMark mark, CancellationToken cancellationToken)
    {
        var banks = mark.Banks == current.Mark.Banks ? null : await EnabledBanksAsync(db, cancellationToken);
        var enabled = banks?.Select(b => b.Id).ToList() ?? [.. current.BankIds];
        var added = await EntriesAsync(db, current.Mark.LastEntryId, enabled.Where(current.BankIds.Contains).ToList(), cancellationToken);
        added.AddRange(await EntriesAsync(db, 0, enabled.Where(id => !current.BankIds.Contains(id)).ToList(), cancellationToken));
        var removed = mark.LastRemovalId == current.Mark.LastRemovalId ? [] : await db.HashBankEntryRemovals.AsNoTracking()
            .Where(r => r.Id > current.Mark.LastRemovalId).Select(r => r.EntryId).ToListAsync(cancellationToken);
        return current.Changed(mark, banks, added, removed);
    }

    private static Task<List<MatchingBank>> EnabledBanksAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.HashBanks.AsNoTracking().Where(b => b.Enabled)
            .Select(b => new MatchingBank(b.Id, b.Name, b.Kind, b.ReasonCode, b.MatchDistance)).ToListAsync(cancellationToken);

    private static async Task<List<MatchingEntry>> EntriesAsync(AppDbContext db, long afterId, IReadOnlyCollection<long> bankIds, CancellationToken cancellationToken)
    {
        if (bankIds.Count == 0) return [];
        return await db.HashBankEntries.AsNoTracking().Where(e => e.Id > afterId && EF.Parameter(bankIds).Contains(e.HashBankId))
            .Select(e => new MatchingEntry(e.Id, e.HashBankId, e.Hash, e.ReviewCaseId)).ToListAsync(cancellationToken);
    }

    private static async Task<HashBankMark> MarkAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Every change to a bank raises its version: their sum moves on each change whatever the clocks of the instances say,
        // where the newest change time would not move for a change stamped earlier than another bank's (a clock behind).
        // One group of all the banks, or none: Single, as First would ask for an order it does not need.
        var banks = await db.HashBanks.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(b => b.UpdatedAtUtc), Versions = g.Sum(b => (long)b.Version) })
            .SingleOrDefaultAsync(cancellationToken);
        var lastEntry = await db.HashBankEntries.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var lastRemoval = await db.HashBankEntryRemovals.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        return new HashBankMark(new BanksMark(banks?.Count ?? 0, banks?.Last, banks?.Versions ?? 0), lastEntry, lastRemoval);
    }
}

internal sealed record BanksMark(int Count, DateTime? LastUpdate, long Versions);

/// <summary>What a matcher is up to: the banks' state, the newest entry it holds and the newest removal it has taken out.</summary>
internal sealed record HashBankMark(BanksMark Banks, long LastEntryId, long LastRemovalId)
{
    public static readonly HashBankMark None = new(new BanksMark(0, null, 0), 0, 0);
}

internal sealed record MatchingBank(long Id, string Name, HashBankKind Kind, string? ReasonCode, int MatchDistance);

internal sealed record MatchingEntry(long Id, long BankId, string Hash, long? ReviewCaseId);
