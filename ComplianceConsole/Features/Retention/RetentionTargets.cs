using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Features.Retention;

/// <summary>
/// One kind of record the purge looks after. <see cref="Select"/> is the one definition of what has expired: the dry run counts
/// it, the real run removes it a batch at a time, so the two cannot disagree.
/// </summary>
public interface IRetentionTarget
{
    RetentionKind Kind { get; }

    /// <summary>The keys of the rows whose time is up at <paramref name="cutoffUtc"/> (now less the rule's days), legal holds excepted.</summary>
    IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc);

    /// <summary>Deletes or anonymises these rows (and their files), in the caller's transaction.</summary>
    Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken);
}

/// <summary>The holds in force, as subqueries the selections inline.</summary>
internal static class Holds
{
    public static IQueryable<long> Users(AppDbContext db) =>
        db.LegalHolds.Where(h => h.Target == LegalHoldTarget.PlatformUser && h.LiftedAtUtc == null).Select(h => h.TargetId);

    public static IQueryable<long> Cases(AppDbContext db) =>
        db.LegalHolds.Where(h => h.Target == LegalHoldTarget.ReviewCase && h.LiftedAtUtc == null).Select(h => h.TargetId);
}

/// <summary>Verification records (identifiers, real names) and their history, once the platform account has been closed for the rule's days.</summary>
internal sealed class VerificationRecordsTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.VerificationRecords;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var heldUsers = Holds.Users(db);
        return db.VerificationRecords
            .Where(r => db.PlatformUsers.Any(u => u.Id == r.PlatformUserId && u.ClosedAtUtc <= cutoffUtc) && !heldUsers.Contains(r.PlatformUserId))
            .Select(r => r.Id);
    }

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var identities = await db.VerificationRecords.Where(r => keys.Contains(r.Id)).Select(r => r.IdentifierHash).Distinct().ToListAsync(cancellationToken);
        await db.VerificationHistory.Where(h => keys.Contains(h.VerificationRecordId)).ExecuteDeleteAsync(cancellationToken);
        await db.VerificationRecords.Where(r => keys.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        // Another person's record of the same identity was a duplicate because it was verified for this closed account; now it may not be.
        await Verification.DuplicateIdentities.RefreshAsync(db, identities, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Content items' text, media link and the media the console fetched from it (and the platform's recorded changes, which repeat them), once the item has not changed
/// and every case on it has been decided for the rule's days. The item stays, anonymised, for the registers that name it.
/// </summary>
internal sealed class ContentItemsTarget(DataFolder dataFolder) : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.ContentItems;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var (heldUsers, heldCases) = (Holds.Users(db), Holds.Cases(db));
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

/// <summary>Complainants' contacts, once the case their complaint is on has been decided for the rule's days.</summary>
internal sealed class ComplainantContactsTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.ComplainantContacts;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var (heldUsers, heldCases) = (Holds.Users(db), Holds.Cases(db));
        return db.Flags
            .Where(f => f.ComplainantContactCipher != null && db.ReviewCases.Any(c => c.Id == f.ReviewCaseId && c.State == ReviewCaseState.Decided
                && c.DecidedAtUtc <= cutoffUtc && !heldCases.Contains(c.Id) && !heldUsers.Contains(c.AuthorId)))
            .Select(f => f.Id);
    }

    public Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken) =>
        db.Flags.Where(f => keys.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.ComplainantContactCipher, (byte[]?)null), cancellationToken);
}

/// <summary>Biometric-editing consents (with their evidence files) once withdrawn or lapsed for the rule's days.</summary>
internal sealed class ConsentsTarget(DataFolder dataFolder) : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.Consents;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc)
    {
        var heldUsers = Holds.Users(db);
        return db.BiometricConsents
            .Where(c => (c.WithdrawnAtUtc <= cutoffUtc || c.ValidUntilUtc <= cutoffUtc) && !heldUsers.Contains(c.PlatformUserId))
            .Select(c => c.Id);
    }

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var evidence = db.EvidenceFiles.Where(f => f.Owner == EvidenceOwner.Consent && keys.Contains(f.OwnerId));
        foreach (var stored in await evidence.Select(f => f.StoredName).ToListAsync(cancellationToken))
        {
            File.Delete(Path.Combine(dataFolder.File(EvidenceService.FolderName), stored));
        }
        await evidence.ExecuteDeleteAsync(cancellationToken);
        await db.BiometricConsents.Where(c => keys.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// Jobs that ended the rule's days ago: their record (whose input may name people) and their folder (an import's upload and
/// error report). The hourly housekeeping already removes result files after <c>Jobs:FileRetentionDays</c>.
/// </summary>
internal sealed class JobFilesTarget(JobStorage storage) : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.JobFiles;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc) =>
        db.JobRecords.Where(j => j.EndedAtUtc <= cutoffUtc && j.Status != JobStatus.Queued && j.Status != JobStatus.Running).Select(j => j.Id);

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        foreach (var id in keys)
        {
            if (Directory.Exists(storage.FolderOf(id))) Directory.Delete(storage.FolderOf(id), recursive: true);
        }
        await db.JobRecords.Where(j => keys.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// Webhook outbox events older than the rule's days with their deliveries, once no delivery of them is pending and every endpoint
/// has taken them. The newest event always stays: endpoints remember how far they got by its id.
/// </summary>
internal sealed class WebhookDeliveriesTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.WebhookDeliveries;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc) =>
        db.PlatformEventOutbox
            .Where(e => e.OccurredAtUtc <= cutoffUtc && e.Id < db.PlatformEventOutbox.Max(x => x.Id)
                && !db.WebhookEndpoints.Any(p => p.FannedOutThroughEventId < e.Id)
                && !db.WebhookDeliveries.Any(d => d.PlatformEventId == e.Id && d.State == WebhookDeliveryState.Pending))
            .Select(e => e.Id);

    public async Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        await db.WebhookDeliveries.Where(d => keys.Contains(d.PlatformEventId)).ExecuteDeleteAsync(cancellationToken);
        await db.PlatformEventOutbox.Where(e => keys.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// The oldest audit events: the run of them, from the start of the chain, up to the first event newer than the cutoff (never
/// the newest event, which the next one links to). Before any goes, the purge signs a base the chain is verified from.
/// </summary>
internal sealed class AuditEventsTarget : IRetentionTarget
{
    public RetentionKind Kind => RetentionKind.AuditEvents;

    public IQueryable<long> Select(AppDbContext db, DateTime cutoffUtc) =>
        db.AuditEvents
            .Where(e => e.Sequence < (db.AuditEvents.Where(x => x.OccurredAtUtc > cutoffUtc).Min(x => (long?)x.Sequence)
                ?? db.AuditEvents.Max(x => (long?)x.Sequence)))
            .Select(e => e.Sequence);

    public Task RemoveAsync(AppDbContext db, IReadOnlyList<long> keys, CancellationToken cancellationToken) =>
        db.AuditEvents.Where(e => keys.Contains(e.Sequence)).ExecuteDeleteAsync(cancellationToken);
}
