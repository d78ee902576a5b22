using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review.HashBanks;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// "Catch copies of this": a decision of Removed or RumourRefuted puts its item's perceptual hashes into a block bank, in the
/// decision's transaction, each entry naming the case; a later copy within the bank's distance arrives flagged and linked to it.
/// </summary>
internal sealed class CatchCopies
{
    private readonly long _bankId;
    private readonly string _bankName;
    private readonly IReadOnlyList<HashEntryInput> _hashes;

    private CatchCopies(long bankId, string bankName, IReadOnlyList<HashEntryInput> hashes) => (_bankId, _bankName, _hashes) = (bankId, bankName, hashes);

    /// <summary>What the decision will add, or why it cannot: the bank is not an enabled block bank, or the item has no hash.</summary>
    public static async Task<(CatchCopies? Copies, FieldError? Error)> PrepareAsync(AppDbContext db, long bankId, long contentItemId, CancellationToken cancellationToken)
    {
        var bank = await db.HashBanks.AsNoTracking().Where(b => b.Id == bankId).Select(b => new { b.Name, b.Kind, b.Enabled }).FirstOrDefaultAsync(cancellationToken);
        if (bank is not { Enabled: true, Kind: HashBankKind.Block }) return (null, new FieldError("CatchCopies", "Review.CatchCopies.BankUnavailable"));
        var hashes = await db.ContentPerceptualHashes.AsNoTracking().Where(h => h.ContentItemId == contentItemId).OrderBy(h => h.Id)
            .Select(h => new HashEntryInput(h.Hash, h.Quality, null)).ToListAsync(cancellationToken);
        return hashes.Count == 0 ? (null, new FieldError("CatchCopies", "Review.CatchCopies.NoHashes")) : (new CatchCopies(bankId, bank.Name, hashes), null);
    }

    /// <summary>Adds the hashes (those the bank holds already stay as they are), with a step in the case's history and an audit event.</summary>
    public async Task AddAsync(AppDbContext db, AuditTrail.AuditedTransaction appender, long caseId, AuditActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var results = await HashBankEntries.AddAsync(db, _bankId, _hashes, HashBankEntryOrigin.Decision, caseId, actor.ShownName, clock.GetUtcNow().UtcDateTime,
            cancellationToken);
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.AddedToHashBank, actor, clock, _bankName);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.HashBankEntriesAdded, nameof(HashBank), _bankId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new
            {
                bank = _bankName, origin = HashBankEntryOrigin.Decision, reviewCase = caseId,
                added = results.Count(r => r.Outcome == HashEntryOutcome.Added), alreadyInBank = results.Count(r => r.Outcome == HashEntryOutcome.AlreadyInBank),
            }, cancellationToken);
    }
}
