using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

public sealed record DecisionRequest(VerificationAction Action, string? ReasonCode, string? Note);

/// <summary>What a bulk action did: changed, left alone because the action does not apply to their status, or changed by someone else meanwhile.</summary>
public sealed record BulkResult(int Changed, int NotApplicable, int Conflicts, bool Cancelled);

/// <summary>Verifiers' decisions on records, one at a time or in bulk; each with its history entry and audit event in one transaction.</summary>
public sealed class VerificationDecisionService(
    IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, VerificationQueryService queries, TimeProvider clock)
{
    private const int BulkBatchSize = 500;

    public async Task<SaveResult> DecideAsync(long recordId, int expectedVersion, DecisionRequest decision, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Decide);
        if (VerificationTransitions.CheckReason(decision.Action, decision.ReasonCode, decision.Note) is { } problem)
        {
            return SaveResult.Invalid([new FieldError(nameof(decision.ReasonCode), problem)]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.VerificationRecords.SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null) return SaveResult.Refused("Verification.NotFound");
        if (record.Version != expectedVersion) return SaveResult.Conflict;
        if (!Apply(db, record, decision, actor.Name)) return SaveResult.Refused("Verification.NotAllowedFromStatus");

        await DuplicateIdentities.RefreshAsync(db, [record.IdentifierHash], cancellationToken);
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.VerificationDecided, "VerificationRecord", record.Id.ToString(),
                new { decision.Action, to = record.Status, record.ReasonCode, decision.Note }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        return SaveResult.Saved;
    }

    /// <summary>How many records a filter matches, for the confirmation that states the count.</summary>
    public async Task<int> CountAsync(VerificationFilter filter, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Decide);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await queries.CountAsync(db, filter, cancellationToken);
    }

    /// <summary>Applies one action to the given records, or to every record matching a filter, in batches that each commit.</summary>
    public async Task<BulkResult> DecideManyAsync(IReadOnlyList<long>? recordIds, VerificationFilter? filter, DecisionRequest decision,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Decide);
        if (VerificationTransitions.CheckReason(decision.Action, decision.ReasonCode, decision.Note) is not null)
        {
            throw new ArgumentException("The reason does not fit the action.", nameof(decision));
        }

        int changed = 0, notApplicable = 0, conflicts = 0;
        await using var reader = await contextFactory.CreateDbContextAsync(cancellationToken);
        var batches = recordIds is not null
            ? recordIds.Chunk(BulkBatchSize).Select(b => (IReadOnlyList<long>)b).ToAsyncEnumerable()
            : queries.MatchingIdBatchesAsync(reader, filter ?? new VerificationFilter(), BulkBatchSize, cancellationToken);
        try
        {
            await foreach (var ids in batches.WithCancellation(cancellationToken))
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                var records = await db.VerificationRecords.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
                var applied = records.Where(r => Apply(db, r, decision, actor.Name)).ToList();
                notApplicable += records.Count - applied.Count;
                await DuplicateIdentities.RefreshAsync(db, applied.Select(r => r.IdentifierHash).Distinct().ToList(), cancellationToken);
                try
                {
                    await audit.SaveWithAuditAsync(db, actor, AuditActions.VerificationBulkDecided, "VerificationRecord", null,
                        new { decision.Action, decision.ReasonCode, decision.Note, count = applied.Count, ids = applied.Select(r => r.Id).ToArray() },
                        CancellationToken.None);
                    changed += applied.Count;
                }
                catch (DbUpdateConcurrencyException)
                {
                    conflicts += applied.Count;
                }
                progress?.Report(changed + notApplicable + conflicts);
            }
        }
        catch (OperationCanceledException)
        {
            return new BulkResult(changed, notApplicable, conflicts, Cancelled: true);
        }
        return new BulkResult(changed, notApplicable, conflicts, Cancelled: false);
    }

    private bool Apply(AppDbContext db, VerificationRecord record, DecisionRequest decision, string actorName)
    {
        if (VerificationTransitions.Target(decision.Action, record.Status) is not { } target) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = decision.ReasonCode ?? VerificationTransitions.DefaultReason(decision.Action);
        var note = string.IsNullOrWhiteSpace(decision.Note) ? null : decision.Note.Trim();
        db.VerificationHistory.Add(new VerificationHistoryEntry
        {
            VerificationRecordId = record.Id, AtUtc = now, Actor = actorName,
            FromStatus = record.Status, ToStatus = target, ReasonCode = reason, Note = note,
        });
        record.Status = target;
        record.DecidedAtUtc = now;
        record.DecidedBy = actorName;
        record.ReasonCode = reason;
        record.Note = note;
        record.Version++;
        return true;
    }
}
