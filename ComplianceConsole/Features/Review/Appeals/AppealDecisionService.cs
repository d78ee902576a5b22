using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Decides an appeal: Upheld, or Overturned, which lifts every sanction the appealed decision imposed so the eligibility
/// answer changes at once. Never by the person who made the appealed decision. The reviewer holds the case, as for any
/// decision; the appealed decision stays as it was, and the appeal's outcome joins the case history. One transaction.
/// </summary>
public sealed class AppealDecisionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    TimeProvider clock, ILiveNotifier live)
{
    /// <summary>Tried again whole when the database drops out mid-way (<see cref="TransientFailures"/>), as a decision on a case is.</summary>
    public Task<Result> DecideAsync(long appealId, int expectedCaseVersion, AppealDecisionRequest request, CancellationToken cancellationToken = default) =>
        contextFactory.RetryAsync(() => DecideOnceAsync(appealId, expectedCaseVersion, request, cancellationToken), cancellationToken);

    private async Task<Result> DecideOnceAsync(long appealId, int expectedCaseVersion, AppealDecisionRequest request, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Decide);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesShared, cancellationToken);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == appealId, cancellationToken);
        if (appeal is null) return Result.Refused("Review.Appeal.NotFound");
        if (appeal.State == AppealState.Decided) return Result.Refused("Review.Appeal.AlreadyDecided");
        var appealedBy = await db.Decisions.Where(d => d.Id == appeal.DecisionId).Select(d => d.DecidedById).SingleAsync(cancellationToken);
        if (appealedBy == actor.Id) return Result.Refused("Review.Appeal.OwnDecision");
        var reviewCase = await db.ReviewCases.SingleAsync(c => c.Id == appeal.ReviewCaseId, cancellationToken);
        if (reviewCase.ClaimedById != actor.Id || reviewCase.ClaimExpiresAtUtc <= now) return Result.Refused("Review.Decide.NotHeld");
        if (reviewCase.Version != expectedCaseVersion) return Result.Conflict;
        if (AppealRules.CheckDecision(request) is { Count: > 0 } errors) return Result.Invalid(errors);

        await ApplyOutcomeAsync(db, appender, appeal, request, actor, now, cancellationToken);
        var othersOpen = await db.Appeals.AnyAsync(a => a.ReviewCaseId == reviewCase.Id && a.Id != appeal.Id && a.State == AppealState.Open, cancellationToken);
        WithoutAppeal(reviewCase, othersOpen);
        reviewCase.Version++;
        await ReviewDraftService.RemoveAllAsync(db, reviewCase.Id, cancellationToken);
        try
        {
            await appender.SaveWithAuditAsync(db, actor, AuditActions.AppealDecided, nameof(Appeal), appeal.PlatformAppealId, new
            {
                reviewCase = reviewCase.Id, decision = appeal.DecisionId, appeal.Outcome, appeal.ReasonCode, appeal.Note,
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        await appender.CommitAsync(cancellationToken);
        live.Publish(new ReviewCaseChanged(reviewCase.Id, reviewCase.State, reviewCase.ClaimedById));
        return Result.Ok;
    }

    /// <summary>
    /// The one place an appeal is decided and, when it is overturned, the sanctions of the appealed decision are lifted,
    /// each with its case history step and audit event, in the caller's transaction.
    /// </summary>
    private async Task ApplyOutcomeAsync(AppDbContext db, AuditTrail.AuditedTransaction appender, Appeal appeal, AppealDecisionRequest request, AuditActor actor,
        DateTime now, CancellationToken cancellationToken)
    {
        appeal.State = AppealState.Decided;
        appeal.Outcome = request.Outcome;
        appeal.ReasonCode = request.ReasonCode;
        appeal.Note = request.Note!.Trim();
        appeal.DecidedById = actor.Id;
        appeal.DecidedByName = actor.ShownName;
        appeal.DecidedAtUtc = now;
        ReviewCaseHistory.Add(db, appeal.ReviewCaseId, ReviewCaseEventKind.AppealDecided, actor, clock, ReviewEventDetails.AppealDecided(request.Outcome, request.ReasonCode!));
        var ids = await db.PlatformUsers().Where(u => u.Id == appeal.PlatformUserId)
            .Select(u => new { UserId = u.ExternalId, ContentId = db.ContentItems.Where(c => c.Id == appeal.ContentItemId).Select(c => c.ExternalId).First() })
            .SingleAsync(cancellationToken);
        ReviewPlatformEvents.AppealDecided(db, new AppealDecidedData(appeal.PlatformAppealId, appeal.ReviewCaseId, ids.UserId, ids.ContentId, request.Outcome.ToString(),
            request.ReasonCode!, appeal.DecisionId, appeal.SanctionId, now));
        if (request.Outcome != AppealOutcome.Overturned) return;
        await ReviewerDayCounts.OverturnedAsync(db, appeal, cancellationToken);

        var inForce = await db.Sanctions.Where(s => s.DecisionId == appeal.DecisionId && s.LiftedAtUtc == null && (s.EndsAtUtc == null || s.EndsAtUtc > now))
            .ToListAsync(cancellationToken);
        foreach (var sanction in inForce)
        {
            sanction.LiftedAtUtc = now;
            sanction.LiftedByName = actor.ShownName;
            sanction.LiftReason = ReviewEventDetails.LiftedOnAppeal(appeal.PlatformAppealId, appeal.Note);
            ReviewCaseHistory.Add(db, appeal.ReviewCaseId, ReviewCaseEventKind.SanctionLifted, actor, clock, ReviewEventDetails.Sanctioned(sanction.Kind));
            await ReviewPlatformEvents.SanctionLiftedAsync(db, sanction.Id, now, cancellationToken, appeal.PlatformAppealId);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.SanctionLifted, nameof(Sanction), sanction.Id.ToString(),
                new { platformUser = sanction.PlatformUserId, sanction.Kind, reason = sanction.LiftReason, appeal = appeal.PlatformAppealId }, cancellationToken);
        }
    }

    /// <summary>
    /// The appeal no longer holds the case in the queue. When nothing else brought the case back it is decided again (its
    /// decision unchanged) and leaves the queue; otherwise it stays for its other flags, without the appeal's count, weight
    /// and, once no appeal is open, its mark. Its due time stays: the earliest of the flags it had is never later than
    /// what the remaining ones need.
    /// </summary>
    private static void WithoutAppeal(ReviewCase reviewCase, bool otherAppealsOpen)
    {
        reviewCase.FlagCount = Math.Max(0, reviewCase.FlagCount - 1);
        reviewCase.Priority = Math.Max(0, reviewCase.Priority - ReviewSources.Weight(FlagSource.Appeal));
        if (!otherAppealsOpen) reviewCase.SourceMask &= ~ReviewSources.Bit(FlagSource.Appeal);
        reviewCase.QueueOrder = ReviewQueueOrder.For(reviewCase.DueAtUtc, reviewCase.Priority);
        if (reviewCase.SourceMask != 0) return;
        reviewCase.State = ReviewCaseState.Decided;
        CaseDecisions.Release(reviewCase);
    }
}
