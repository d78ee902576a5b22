using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Takes the platform's appeals (Art. 12). An appeal is a flag of source <see cref="FlagSource.Appeal"/> on the appealed
/// decision's case, joined like any other flag (<see cref="CaseFlagging"/>): a decided case is back in the queue, due under
/// the appeals time limit. Idempotent on the platform's appeal id; one appeal per decision.
/// </summary>
public sealed class AppealSubmissionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    ILiveNotifier live, TimeProvider clock)
{
    public async Task<AppealSubmitResult> SubmitAsync(AppealSubmission submission, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.SubmitAppeal);
        var (appeal, errors) = AppealRules.Validate(submission);
        if (appeal is null) return AppealSubmitResult.Invalid([.. errors]);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesExclusive, cancellationToken);
        var known = await db.Appeals.AsNoTracking().Where(a => a.PlatformAppealId == appeal.PlatformAppealId)
            .Select(a => new { a.RequestHash }).SingleOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return known.RequestHash == appeal.RequestHash
                ? new AppealSubmitResult(AppealSubmitOutcome.Existing, await ViewAsync(db, appeal.PlatformAppealId, cancellationToken), [])
                : new AppealSubmitResult(AppealSubmitOutcome.IdReused, null, [new("platformAppealId", "Appeals.IdReused", appeal.PlatformAppealId)]);
        }

        var (target, targetError) = await ResolveAsync(db, appeal, cancellationToken);
        if (target is null) return AppealSubmitResult.Invalid(targetError!);
        var earlier = await db.Appeals.AsNoTracking().Where(a => a.DecisionId == target.DecisionId).Select(a => a.PlatformAppealId).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null) return new AppealSubmitResult(AppealSubmitOutcome.AlreadyAppealed, null, [new("platformAppealId", "Appeals.AlreadyAppealed", earlier)]);

        var item = await db.ContentItems.AsNoTracking().Where(c => c.Id == target.ContentItemId)
            .Select(c => new ContentItem { Id = c.Id, AuthorId = c.AuthorId, MediaType = c.MediaType, Category = c.Category, ExplicitLabel = c.ExplicitLabel, ImplicitLabel = c.ImplicitLabel })
            .SingleAsync(cancellationToken);
        var limits = await TimeLimits.LoadAsync(db, cancellationToken);
        var flag = new PendingFlag(item.Id, FlagSource.Appeal, null, appeal.Statement, null, null, null, null, now);
        var (flagIds, caseIds, touched) = await new CaseFlagging(db, ReviewBatchWriter.Create(db), limits, actor, now)
            .ApplyAsync(new Dictionary<long, CaseCopy> { [item.Id] = CaseCopy.Of(item) }, [flag], new HashSet<long>(), cancellationToken);
        var (flagId, caseId) = (flagIds[0], caseIds[0]);
        var stored = new Appeal
        {
            PlatformAppealId = appeal.PlatformAppealId, RequestHash = appeal.RequestHash, ReviewCaseId = caseId, ContentItemId = item.Id,
            DecisionId = target.DecisionId, SanctionId = appeal.SanctionId, PlatformUserId = target.UserId, FlagId = flagId,
            Statement = appeal.Statement, ReceivedAtUtc = now, DueAtUtc = limits.DueAt(FlagSource.Appeal, now), ReceivedBy = actor.Name, State = AppealState.Open,
        };
        db.Appeals.Add(stored);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.AppealReceived, nameof(Appeal), appeal.PlatformAppealId,
            new { reviewCase = caseId, decision = target.DecisionId, sanction = appeal.SanctionId, flag = flagId, dueAt = stored.DueAtUtc }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        foreach (var c in touched) live.Publish(new ReviewCaseChanged(c.CaseId, c.State, c.ClaimedById));
        return new AppealSubmitResult(AppealSubmitOutcome.Created, await ViewAsync(db, appeal.PlatformAppealId, cancellationToken), []);
    }

    /// <summary>Null when the platform never sent an appeal with this id.</summary>
    public async Task<AppealView?> GetAsync(string platformAppealId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.SubmitAppeal);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ViewAsync(db, platformAppealId, cancellationToken);
    }

    private static Task<AppealView?> ViewAsync(AppDbContext db, string platformAppealId, CancellationToken cancellationToken) =>
        (from a in db.Appeals.AsNoTracking()
         join d in db.Decisions on a.DecisionId equals d.Id
         join c in db.ContentItems on a.ContentItemId equals c.Id
         where a.PlatformAppealId == platformAppealId
         select new AppealView(a.PlatformAppealId, a.State, c.ExternalId, a.SanctionId, d.Outcome, d.ReasonCode, d.DecidedAtUtc,
             a.ReceivedAtUtc, a.DueAtUtc, a.Outcome, a.ReasonCode, a.DecidedAtUtc))
        .SingleOrDefaultAsync(cancellationToken);

    /// <summary>What the appeal is against: the decision, its content and the user it affects.</summary>
    private sealed record Target(long DecisionId, long ContentItemId, long UserId);

    /// <summary>
    /// The decision the appeal is against: the sanction's, or the latest one on the content that was not an escalation (a
    /// Manager's decision follows one). Content and sanction named together must agree; the user must be the one affected.
    /// </summary>
    private static async Task<(Target? Target, FieldError? Error)> ResolveAsync(AppDbContext db, ValidAppeal appeal, CancellationToken cancellationToken)
    {
        var content = appeal.ContentExternalId is { } externalId
            ? await db.ContentItems.AsNoTracking().Where(c => c.ExternalId == externalId).Select(c => new { c.Id, c.AuthorId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (appeal.ContentExternalId is not null && content is null) return (null, new("contentExternalId", "Content.UnknownItem"));
        var sanction = appeal.SanctionId is { } sanctionId
            ? await db.Sanctions.AsNoTracking().Where(s => s.Id == sanctionId)
                .Select(s => new { s.DecisionId, s.PlatformUserId, ContentItemId = db.ReviewCases.Where(c => c.Id == s.ReviewCaseId).OrderBy(c => c.Id).Select(c => c.ContentItemId).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        if (appeal.SanctionId is not null && sanction is null) return (null, new("sanctionId", "Appeals.SanctionUnknown"));

        long? decisionId;
        if (sanction is not null)
        {
            if (sanction.DecisionId is null) return (null, new("sanctionId", "Appeals.SanctionWithoutDecision"));
            if (content is not null && content.Id != sanction.ContentItemId) return (null, new("sanctionId", "Appeals.SanctionNotOfContent"));
            decisionId = sanction.DecisionId;
        }
        else
        {
            decisionId = await db.Decisions.AsNoTracking()
                .Where(d => db.ReviewCases.Any(c => c.Id == d.ReviewCaseId && c.ContentItemId == content!.Id) && d.Outcome != DecisionOutcome.Escalated)
                .OrderByDescending(d => d.Id).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
        }
        var field = sanction is not null ? "sanctionId" : "contentExternalId";
        var outcome = decisionId is null ? null
            : await db.Decisions.AsNoTracking().Where(d => d.Id == decisionId).Select(d => (DecisionOutcome?)d.Outcome).SingleAsync(cancellationToken);
        if (outcome is not { } appealed || !AppealRules.IsAppealable(appealed)) return (null, new(field, "Appeals.NothingToAppeal"));

        var affected = sanction?.PlatformUserId ?? content!.AuthorId;
        var user = await db.PlatformUsers().AsNoTracking().Where(u => u.ExternalId == appeal.UserExternalId).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (user != affected) return (null, new("userExternalId", "Appeals.NotTheAffectedUser"));
        return (new Target(decisionId!.Value, sanction?.ContentItemId ?? content!.Id, affected), null);
    }
}
