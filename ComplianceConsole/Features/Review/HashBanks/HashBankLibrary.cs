using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// The enabled banks' hashes in one <see cref="PdqHashIndex"/>, as every ingestion matches against them. Before each use it reads
/// the banks' change mark (their count, newest edit and the sum of their versions, and the newest entry's id): a bank edited, or an entry removed (which
/// touches its bank), rebuilds the index; entries only added are loaded into it as they are. So a hash added on any instance
/// catches the next copy on every instance.
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
            _current = mark.Banks == current.Mark.Banks
                ? current.WithEntries(mark, await EntriesAsync(db, current.Mark.LastEntryId, current.BankIds, cancellationToken))
                : await RebuildAsync(db, mark, cancellationToken);
            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static async Task<HashBankMatcher> RebuildAsync(AppDbContext db, HashBankMark mark, CancellationToken cancellationToken)
    {
        var banks = await db.HashBanks.AsNoTracking().Where(b => b.Enabled)
            .Select(b => new MatchingBank(b.Id, b.Name, b.Kind, b.ReasonCode, b.MatchDistance)).ToListAsync(cancellationToken);
        var matcher = new HashBankMatcher(mark, banks);
        return matcher.WithEntries(mark, await EntriesAsync(db, 0, matcher.BankIds, cancellationToken));
    }

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
        // One group of all the banks (none when there are none): Single, as First would ask for an order it does not need.
        var banks = await db.HashBanks.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(b => b.UpdatedAtUtc), Versions = g.Sum(b => (long)b.Version) })
            .SingleOrDefaultAsync(cancellationToken);
        var lastEntry = await db.HashBankEntries.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        return new HashBankMark(new BanksMark(banks?.Count ?? 0, banks?.Last, banks?.Versions ?? 0), lastEntry);
    }
}

internal sealed record BanksMark(int Count, DateTime? LastUpdate, long Versions);

/// <summary>What a matcher was built from: the banks' state, and the newest entry it holds.</summary>
internal sealed record HashBankMark(BanksMark Banks, long LastEntryId)
{
    public static readonly HashBankMark None = new(new BanksMark(0, null, 0), 0);
}

internal sealed record MatchingBank(long Id, string Name, HashBankKind Kind, string? ReasonCode, int MatchDistance);

internal sealed record MatchingEntry(long Id, long BankId, string Hash, long? ReviewCaseId);
