using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

public sealed record DecisionRequest(VerificationAction Action, string? ReasonCode, string? Note);

/// <summary>What a bulk action did: changed, left alone because the action does not apply to their status, or changed by someone else meanwhile.</summary>
public sealed record BulkResult(int Changed, int NotApplicable, int Conflicts, bool Cancelled);

/// <summary>A bulk decision as the job host runs it: on these records, or on every record matching the filter.</summary>
public sealed record BulkDecisionInput(IReadOnlyList<long>? RecordIds, VerificationFilter? Filter, DecisionRequest Decision);

/// <summary>Verifiers' decisions on records, one at a time or in bulk; each with its history entry and audit event in one transaction.</summary>
public sealed class VerificationDecisionService(
    IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, VerificationQueryService queries, JobQueue jobs, TimeProvider clock)
{
    private const int BulkBatchSize = 500;

    public static readonly JobKind<BulkDecisionInput, VerificationBulkDecisionJob> BulkKind = new("verification-bulk-decision", VerificationPermissions.Decide);

    public async Task<Result> DecideAsync(long recordId, int expectedVersion, DecisionRequest decision, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Decide);
        if (VerificationTransitions.CheckReason(decision.Action, decision.ReasonCode, decision.Note) is { } problem)
        {
            return Result.Invalid([new FieldError(nameof(decision.ReasonCode), problem)]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.VerificationRecords.SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null) return Result.Refused("Verification.NotFound");
        if (record.Version != expectedVersion) return Result.Conflict;
        if (!Apply(db, record, decision, actor.ShownName)) return Result.Refused("Verification.NotAllowedFromStatus");

        await DuplicateIdentities.RefreshAsync(db, [record.IdentifierHash], cancellationToken);
        await VerificationPlatformEvents.VerificationDecidedAsync(db, [record], cancellationToken);
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.VerificationDecided, "VerificationRecord", record.Id.ToString(),
                new { decision.Action, to = record.Status, record.ReasonCode, decision.Note }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        return Result.Ok;
    }

    /// <summary>How many records a filter matches, for the confirmation that states the count.</summary>
    public async Task<int> CountAsync(VerificationFilter filter, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Decide);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await queries.CountAsync(db, filter, cancellationToken);
    }

    /// <summary>
    /// Queues one action on the given records, or on every record matching a filter, as a job on the job host;
    /// the person can leave the page and find the result under Jobs. A reason that does not fit the action is refused here.
    /// </summary>
    public async Task<Result<long>> QueueBulkAsync(BulkDecisionInput input, int count, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Decide);
        if (VerificationTransitions.CheckReason(input.Decision.Action, input.Decision.ReasonCode, input.Decision.Note) is { } problem) return Result.Refused(problem);
        return Result<long>.Ok(await jobs.EnqueueAsync(BulkKind, input, BulkDecisionOptions.Describe(input, count), count, cancellationToken: cancellationToken));
    }

    /// <summary>Applies a bulk decision in batches that each commit with their audit event; run by <see cref="VerificationBulkDecisionJob"/>.</summary>
    public async Task<BulkResult> DecideManyAsync(BulkDecisionInput input, Func<int, Task> reportProgress, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Decide);
        var decision = input.Decision;
        int changed = 0, notApplicable = 0, conflicts = 0;
        await using var reader = await contextFactory.CreateDbContextAsync(cancellationToken);
        var batches = input.RecordIds is { } recordIds
            ? recordIds.Chunk(BulkBatchSize).Select(b => (IReadOnlyList<long>)b).ToAsyncEnumerable()
            : queries.MatchingIdBatchesAsync(reader, input.Filter ?? new VerificationFilter(), BulkBatchSize, cancellationToken);
        try
        {
            await foreach (var ids in batches.WithCancellation(cancellationToken))
            {
                await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
                var records = await db.VerificationRecords.Where(r => ids.Contains(r.Id)).ToListAsync(CancellationToken.None);
                var applied = records.Where(r => Apply(db, r, decision, actor.ShownName)).ToList();
                notApplicable += records.Count - applied.Count;
                await DuplicateIdentities.RefreshAsync(db, applied.Select(r => r.IdentifierHash).Distinct().ToList(), CancellationToken.None);
                await VerificationPlatformEvents.VerificationDecidedAsync(db, applied, CancellationToken.None);
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
                await reportProgress(changed + notApplicable + conflicts);
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
        VerificationDayCounts.Remove(db.DayCountChanges, record);
        record.Status = target;
        record.DecidedAtUtc = now;
        record.DecidedBy = actorName;
        record.ReasonCode = reason;
        record.Note = note;
        record.Version++;
        VerificationDayCounts.Add(db.DayCountChanges, record);
        return true;
    }
}
