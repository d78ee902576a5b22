using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>A bulk decision as the job host runs it: on these cases, or on every case of a queue view (its address form).</summary>
public sealed record ReviewBulkDecisionInput(IReadOnlyList<long>? CaseIds, string? View, DecisionOutcome Outcome, string ReasonCode, string? Note);

/// <summary>What a bulk decision did: decided, skipped because another reviewer holds them, not open to it (decided, escalated), or changed meanwhile.</summary>
public sealed record ReviewBulkResult(int Decided, int HeldByOthers, int NotApplicable, int Conflicts, bool Cancelled);

/// <summary>How many cases a bulk decision would touch, and how many of them another reviewer holds right now.</summary>
public sealed record ReviewBulkCount(int Cases, int HeldByOthers);

/// <summary>
/// One outcome, reason and note for many cases (e.g. NoViolation for 300 false positives), as a job: batches that each
/// commit with their decisions, case history and one audit event; cases another reviewer holds are skipped and counted.
/// </summary>
public sealed class ReviewBulkDecisionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    JobQueue jobs, TimeProvider clock, ILiveNotifier live)
{
    private const int BatchSize = 200;

    public static readonly JobKind<ReviewBulkDecisionInput, ReviewBulkDecisionJob> Kind = new("review-bulk-decision", ReviewPermissions.Decide);

    /// <summary>The count the confirmation states, for a selection or a whole view.</summary>
    public async Task<ReviewBulkCount> CountAsync(IReadOnlyList<long>? caseIds, ReviewQueueView? view, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Decide);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cases = Scope(db, caseIds, view, actor.Id, now).Where(c => c.State != ReviewCaseState.Decided);
        return new ReviewBulkCount(await cases.CountAsync(cancellationToken),
            await cases.CountAsync(c => c.ClaimedById != null && c.ClaimedById != actor.Id && c.ClaimExpiresAtUtc > now, cancellationToken));
    }

    /// <summary>Queues the decision as a job; an outcome that needs a record or names a person, or a reason that does not fit, is refused here.</summary>
    public async Task<(long? JobId, IReadOnlyList<FieldError> Errors)> QueueAsync(ReviewBulkDecisionInput input, int count, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Decide);
        if (Check(input) is { Count: > 0 } errors) return (null, errors);
        return (await jobs.EnqueueAsync(Kind, input, Describe(input, count), count, cancellationToken: cancellationToken), []);
    }

    public static List<FieldError> Check(ReviewBulkDecisionInput input)
    {
        var errors = DecisionRecordRules.CheckOutcome(input.Outcome, input.ReasonCode, input.Note);
        if (!DecisionRecordRules.AllowsBulk(input.Outcome)) errors.Add(new("Outcome", "Review.Bulk.OutcomeNotAllowed"));
        if (input.CaseIds is null && input.View is null) errors.Add(new("Scope", "Review.Bulk.NoScope"));
        return errors;
    }

    /// <summary>Applies a bulk decision batch by batch; run by <see cref="ReviewBulkDecisionJob"/> as the person who queued it.</summary>
    public async Task<ReviewBulkResult> DecideManyAsync(ReviewBulkDecisionInput input, Func<int, Task> reportProgress, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Decide);
        if (Check(input).Count > 0) return new ReviewBulkResult(0, 0, 0, 0, Cancelled: false);
        var supervisor = await guard.HasAsync(ReviewPermissions.Supervise);
        var view = input.View is null ? null : ReviewQueueView.Parse(input.View);
        int decided = 0, held = 0, notApplicable = 0, conflicts = 0;
        var seen = new HashSet<long>();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ids = await NextBatchAsync(input.CaseIds, view, actor.Id, seen, cancellationToken);
                if (ids.Count == 0) break;
                seen.UnionWith(ids);
                var batch = await DecideBatchAsync(ids, input, actor, supervisor);
                (decided, held, notApplicable, conflicts) = (decided + batch.Decided, held + batch.HeldByOthers, notApplicable + batch.NotApplicable, conflicts + batch.Conflicts);
                await reportProgress(decided + held + notApplicable + conflicts);
            }
        }
        catch (OperationCanceledException)
        {
            return new ReviewBulkResult(decided, held, notApplicable, conflicts, Cancelled: true);
        }
        return new ReviewBulkResult(decided, held, notApplicable, conflicts, Cancelled: false);
    }

    // Cases leave a view as they are decided, and skipped ones stay in it: the next batch is the next ids not looked at yet.
    private async Task<IReadOnlyList<long>> NextBatchAsync(IReadOnlyList<long>? caseIds, ReviewQueueView? view, string? actorId, HashSet<long> seen,
        CancellationToken cancellationToken)
    {
        if (caseIds is not null) return caseIds.Where(id => !seen.Contains(id)).Distinct().Take(BatchSize).ToList();
        var after = seen.Count == 0 ? 0 : seen.Max();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Scope(db, null, view, actorId, clock.GetUtcNow().UtcDateTime).Where(c => c.Id > after)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    private async Task<ReviewBulkResult> DecideBatchAsync(IReadOnlyList<long> ids, ReviewBulkDecisionInput input, AuditActor actor, bool supervisor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        await using var appender = await audit.ExclusiveAsync(db, CancellationToken.None);
        var cases = await db.ReviewCases.Where(c => ids.Contains(c.Id)).ToListAsync(CancellationToken.None);
        var heldByOthers = cases.Where(c => c.ClaimedById is not null && c.ClaimedById != actor.Id && c.ClaimExpiresAtUtc > now).ToList();
        // An appeal is decided one at a time, by someone other than the appealed decision's author: never in bulk.
        var appealed = await db.Appeals.Where(a => ids.Contains(a.ReviewCaseId) && a.State == AppealState.Open).Select(a => a.ReviewCaseId).ToListAsync(CancellationToken.None);
        var open = cases.Except(heldByOthers).Where(c => !appealed.Contains(c.Id))
            .Where(c => c.State == ReviewCaseState.Open || (c.State == ReviewCaseState.Escalated && supervisor)).ToList();
        var notApplicable = ids.Count - heldByOthers.Count - open.Count;
        if (open.Count == 0) return new ReviewBulkResult(0, heldByOthers.Count, notApplicable, 0, false);

        var decisions = open.ToDictionary(c => c.Id, c => new Decision
        {
            ReviewCaseId = c.Id, Outcome = input.Outcome, ReasonCode = input.ReasonCode, Note = ReviewDecisionService.Trimmed(input.Note),
            DecidedById = actor.Id, DecidedByName = actor.Name, DecidedAtUtc = now, SourceMask = c.SourceMask,
        });
        db.Decisions.AddRange(decisions.Values);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            foreach (var reviewCase in open)
            {
                reviewCase.State = ReviewCaseState.Decided;
                reviewCase.DecisionId = decisions[reviewCase.Id].Id;
                reviewCase.DecidedAtUtc = now;
                ReviewDecisionService.EndClaim(reviewCase);
                reviewCase.AssignedToId = null;
                reviewCase.AssignedToName = null;
                reviewCase.Version++;
                ReviewCaseHistory.Add(db, reviewCase.Id, ReviewCaseEventKind.Decided, actor, clock, ReviewEventDetails.Decided(input.Outcome, input.ReasonCode));
            }
            await Webhooks.PlatformEvents.DecisionsMadeAsync(db, decisions.Values, CancellationToken.None);
            await HandledFlags.MarkAsync(db, decisions.Keys, now, CancellationToken.None);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewBulkDecided, nameof(ReviewCase), null, new
            {
                input.Outcome, input.ReasonCode, note = ReviewDecisionService.Trimmed(input.Note), count = open.Count,
                ids = open.Select(c => c.Id).ToArray(), skippedHeldByOthers = heldByOthers.Select(c => c.Id).ToArray(),
            }, CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewBulkResult(0, heldByOthers.Count, notApplicable, open.Count, false);
        }
        await appender.CommitAsync(CancellationToken.None);
        foreach (var reviewCase in open) live.Publish(new ReviewCaseChanged(reviewCase.Id, ReviewCaseState.Decided, null));
        return new ReviewBulkResult(open.Count, heldByOthers.Count, notApplicable, 0, false);
    }

    private static IQueryable<ReviewCase> Scope(AppDbContext db, IReadOnlyList<long>? caseIds, ReviewQueueView? view, string? actorId, DateTime now) =>
        caseIds is not null ? db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
        : (view ?? ReviewQueueView.All).Apply(db.ReviewCases.AsNoTracking(), actorId, now);

    private static IReadOnlyList<JobOption> Describe(ReviewBulkDecisionInput input, int count)
    {
        var options = new List<JobOption>
        {
            new("Review.Outcome", $"ReviewOutcome.{input.Outcome}", ValueIsKey: true),
            new("Review.Reason", $"ReviewReason.{input.ReasonCode}", ValueIsKey: true),
            new("Review.Bulk.Cases", count.ToString(CultureInfo.InvariantCulture)),
            input.CaseIds is not null
                ? new("Jobs.Option.Scope", "Review.Bulk.SelectedCases", ValueIsKey: true)
                : new("Review.Bulk.View", input.View ?? ""),
        };
        if (ReviewDecisionService.Trimmed(input.Note) is { } note) options.Add(new("Review.Note", note));
        return options;
    }
}
