using ComplianceConsole.Data;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Content items' text, media link and the media the console fetched from it (and the platform's recorded changes, which repeat them), once the item has not changed
/// and every case on it has been decided for the rule's days. The item stays, anonymised, for the registers that name it.
/// </summary>
internal sealed class ContentItemsTarget(DataFolder dataFolder) : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.ContentItems;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var (heldUsers, heldCases) = (RetentionHolds.Users(db), RetentionHolds.Cases(db));
        return db.ContentItems
            .Where(i => (i.Excerpt != null || i.MediaUrl != null) && i.UpdatedAtUtc <= cutoffUtc && !heldUsers.Contains(i.AuthorId)
                && !db.ReviewCases.Any(c => c.ContentItemId == i.Id
                    && (c.State != ReviewCaseState.Decided || c.DecidedAtUtc > cutoffUtc || heldCases.Contains(c.Id))))
            .Select(i => i.Id);
    }

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        await db.ContentItemChanges.Where(c => keys.Contains(c.ContentItemId)).ExecuteDeleteAsync(cancellationToken);
        await db.Flags.Where(f => keys.Contains(f.ContentItemId) && f.MatchedText != null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.MatchedText, (string?)null), cancellationToken);
        await db.ContentItems.Where(i => keys.Contains(i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Excerpt, (string?)null).SetProperty(i => i.MediaUrl, (string?)null), cancellationToken);
        Review.Media.CaseMedia.Delete(dataFolder, keys);
        // The text's terms go with it: an erased text is not found by a search either.
        await ContentSearchIndex.DeleteAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), keys, cancellationToken);
    }
}
