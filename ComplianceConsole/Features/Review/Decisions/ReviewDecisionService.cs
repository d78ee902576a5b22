using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Decides the case a reviewer holds, with the sanction and Art. 10-12 records the decision carries, and lets a Manager
/// reopen a decision. Each is one transaction: the case, its decision and records, the case history and the audit events.
/// </summary>
public sealed class ReviewDecisionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    TimeProvider clock, ILiveNotifier live)
{
    public const int MinReopenReasonLength = 4;

    /// <summary>Tried again whole when the database drops out mid-way (<see cref="TransientFailures"/>): a restart or failover does not lose the decision.</summary>
    public Task<Result> DecideAsync(long caseId, int expectedVersion, ReviewDecisionRequest request, CancellationToken cancellationToken = default) =>
        contextFactory.RetryAsync(() => DecideOnceAsync(caseId, expectedVersion, request, cancellationToken), cancellationToken);

    private async Task<Result> DecideOnceAsync(long caseId, int expectedVersion, ReviewDecisionRequest request, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Decide);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesShared, cancellationToken);
        var reviewCase = await db.ReviewCases.Include(c => c.ContentItem).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (reviewCase is null) return Result.Refused("Review.Case.NotFound");
        if (reviewCase.State == ReviewCaseState.Decided) return Result.Refused("Review.Decide.AlreadyDecided");
        if (reviewCase.State == ReviewCaseState.Escalated)
        {
            if (!await guard.HasAsync(ReviewPermissions.Supervise)) return Result.Refused("Review.Decide.EscalatedNeedsManager");
            if (request.Outcome == DecisionOutcome.Escalated) return Result.Refused("Review.Decide.AlreadyEscalated");
        }
        if (reviewCase.ClaimedById != actor.Id || reviewCase.ClaimExpiresAtUtc <= now) return Result.Refused("Review.Decide.NotHeld");
        if (reviewCase.Version != expectedVersion) return Result.Conflict;
        // An open appeal is decided first, on its own terms (by someone other than the appealed decision's author).
        if (await db.Appeals.AnyAsync(a => a.ReviewCaseId == caseId && a.State == AppealState.Open, cancellationToken))
            return Result.Refused("Review.Decide.AppealOpen");

        var complaints = await ComplaintsAsync(db, caseId, cancellationToken);
        if (DecisionRecordRules.Check(request, complaints, now) is { Count: > 0 } errors) return Result.Invalid(errors);
        CatchCopies? copies = null;
        if (request.CatchCopiesBankId is { } bankId)
        {
            (copies, var refused) = await CatchCopies.PrepareAsync(db, bankId, reviewCase.ContentItemId, cancellationToken);
            if (refused is not null) return Result.Invalid([refused]);
        }

        Recorded recorded = null!;
        var decision = (await CaseDecisions.ApplyAsync(db, [reviewCase], request.Outcome, request.ReasonCode!, request.Note, actor, now, clock,
            (_, made) => recorded = Record(db, reviewCase, made, request, complaints, actor, now), cancellationToken))[caseId];
        await ReviewDraftService.RemoveAllAsync(db, caseId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken); // the case's version is checked here; the records get their ids
            await ReviewPlatformEvents.DecisionMadeAsync(db, decision, recorded.Sanction, cancellationToken);
            if (copies is not null) await copies.AddAsync(db, appender, caseId, actor, clock, cancellationToken);
            if (recorded.Sanction is { } sanction)
            {
                await appender.SaveWithAuditAsync(db, actor, AuditActions.SanctionImposed, nameof(Sanction), sanction.Id.ToString(),
                    new { platformUser = reviewCase.ContentItem.AuthorId, sanction.Kind, sanction.ReasonCode, sanction.StartsAtUtc, sanction.EndsAtUtc, reviewCase = caseId }, cancellationToken);
            }
            await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseDecided, nameof(ReviewCase), caseId.ToString(), new
            {
                content = reviewCase.ContentItem.ExternalId, decision.Outcome, decision.ReasonCode, decision.Note,
                sanction = recorded.Sanction?.Id, refutation = recorded.Refutation?.Id, report = recorded.Report?.Id,
                complaintsAnswered = recorded.Answered, lateAnswers = recorded.Late, catchCopiesBank = request.CatchCopiesBankId,
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        await appender.CommitAsync(cancellationToken);
        live.Publish(new ReviewCaseChanged(caseId, reviewCase.State, null));
        return Result.Ok;
    }

    /// <summary>A Manager sends a decided case back to the queue; its decision stays in the history, a new one will follow.</summary>
    public async Task<Result> ReopenAsync(long caseId, int expectedVersion, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Supervise);
        var why = reason?.Trim() ?? "";
        if (why.Length < MinReopenReasonLength) return Result.Invalid([new FieldError("Reason", "Review.Reopen.ReasonRequired", MinReopenReasonLength)]);
        if (why.Length > ContentRules.MaxNoteLength) return Result.Invalid([new FieldError("Reason", "Review.TextTooLong", ContentRules.MaxNoteLength)]);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesShared, cancellationToken);
        var reviewCase = await db.ReviewCases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (reviewCase is null) return Result.Refused("Review.Case.NotFound");
        if (reviewCase.Version != expectedVersion) return Result.Conflict;
        if (reviewCase.State != ReviewCaseState.Decided) return Result.Refused("Review.Reopen.NotDecided");
        var previous = reviewCase.DecisionId;
        reviewCase.State = ReviewCaseState.Open;
        reviewCase.DecisionId = null;
        reviewCase.DecidedAtUtc = null;
        reviewCase.OpenedAtUtc = now;
        CaseDecisions.EndClaim(reviewCase);
        reviewCase.Version++;
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Reopened, actor, clock, why);
        try
        {
            await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseReopened, nameof(ReviewCase), caseId.ToString(),
                new { previousDecision = previous, reason = why }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        await appender.CommitAsync(cancellationToken);
        live.Publish(new ReviewCaseChanged(caseId, ReviewCaseState.Open, null));
        return Result.Ok;
    }

    /// <summary>The case's complaint flags and whether each was answered already (in an earlier decision before a reopen).</summary>
    internal static async Task<IReadOnlyList<ComplaintFlag>> ComplaintsAsync(AppDbContext db, long caseId, CancellationToken cancellationToken) =>
        await db.Flags.AsNoTracking().Where(f => f.ReviewCaseId == caseId && f.Source == FlagSource.UserComplaint).OrderBy(f => f.Id)
            .Select(f => new ComplaintFlag(f.Id, f.ReceivedAtUtc, f.DueAtUtc, db.ComplaintFeedback.Any(a => a.FlagId == f.Id)))
            .ToListAsync(cancellationToken);

    private sealed record Recorded(Sanction? Sanction, RumourRefutation? Refutation, RegulatorReport? Report, int Answered, int Late);

    private Recorded Record(AppDbContext db, ReviewCase reviewCase, Decision decision, ReviewDecisionRequest request,
        IReadOnlyList<ComplaintFlag> complaints, AuditActor actor, DateTime now)
    {
        Sanction? sanction = null;
        if (request.Sanction is { } s)
        {
            sanction = new Sanction
            {
                PlatformUserId = reviewCase.ContentItem.AuthorId, Kind = s.Kind, StartsAtUtc = s.StartsAtUtc ?? now, EndsAtUtc = s.EndsAtUtc,
                ReasonCode = s.ReasonCode!, Note = CaseDecisions.Trimmed(s.Note), ReviewCaseId = reviewCase.Id, DecisionId = decision.Id,
                ImposedById = actor.Id, ImposedByName = actor.ShownName, ImposedAtUtc = now,
            };
            db.Sanctions.Add(sanction);
            ReviewCaseHistory.Add(db, reviewCase.Id, ReviewCaseEventKind.Sanctioned, actor, clock, ReviewEventDetails.Sanctioned(s.Kind));
        }
        RumourRefutation? refutation = null;
        if (request.Refutation is { } r)
        {
            refutation = new RumourRefutation
            {
                ReviewCaseId = reviewCase.Id, DecisionId = decision.Id, FalseClaim = r.FalseClaim!.Trim(), RefutingStatement = r.RefutingStatement!.Trim(),
                PublishedWhere = r.PublishedWhere!.Trim(), PublishedAtUtc = r.PublishedAtUtc!.Value, RecordedByName = actor.ShownName, RecordedAtUtc = now,
            };
            db.RumourRefutations.Add(refutation);
            ReviewCaseHistory.Add(db, reviewCase.Id, ReviewCaseEventKind.RumourRefuted, actor, clock, refutation.PublishedWhere);
        }
        RegulatorReport? report = null;
        if (request.Report is { } p)
        {
            report = new RegulatorReport
            {
                ReviewCaseId = reviewCase.Id, DecisionId = decision.Id, Authority = p.Authority!.Trim(), ReportedAtUtc = p.ReportedAtUtc!.Value,
                Reference = p.Reference!.Trim(), RecordedByName = actor.ShownName, RecordedAtUtc = now,
            };
            db.RegulatorReports.Add(report);
            ReviewCaseHistory.Add(db, reviewCase.Id, ReviewCaseEventKind.ReportedToRegulator, actor, clock, $"{report.Authority} · {report.Reference}");
        }
        var late = 0;
        foreach (var answer in request.Feedback)
        {
            var complaint = complaints.Single(c => c.FlagId == answer.FlagId);
            var answeredAt = answer.AnsweredAtUtc ?? now;
            var isLate = DecisionRecordRules.IsLate(answeredAt, complaint.DueAtUtc);
            if (isLate) late++;
            db.ComplaintFeedback.Add(new ComplaintFeedback
            {
                FlagId = complaint.FlagId, ReviewCaseId = reviewCase.Id, DecisionId = decision.Id, Answer = answer.Answer!.Trim(),
                AnsweredAtUtc = answeredAt, DueAtUtc = complaint.DueAtUtc, IsLate = isLate, RecordedByName = actor.ShownName, RecordedAtUtc = now,
            });
            ReviewCaseHistory.Add(db, reviewCase.Id, ReviewCaseEventKind.ComplaintAnswered, actor, clock, ReviewEventDetails.ComplaintAnswered(complaint.FlagId, isLate));
        }
        return new Recorded(sanction, refutation, report, request.Feedback.Count, late);
    }
}
