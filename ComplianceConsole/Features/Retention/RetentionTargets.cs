using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.PlatformUsers;
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
public static class RetentionHolds
{
    public static IQueryable<long> Users(AppDbContext db) =>
        db.LegalHolds.Where(h => h.Target == LegalHoldTarget.PlatformUser && h.LiftedAtUtc == null).Select(h => h.TargetId);

    public static IQueryable<long> Cases(AppDbContext db) =>
        db.LegalHolds.Where(h => h.Target == LegalHoldTarget.ReviewCase && h.LiftedAtUtc == null).Select(h => h.TargetId);
}
