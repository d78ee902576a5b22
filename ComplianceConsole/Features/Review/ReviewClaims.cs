using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Review;

public enum ClaimOutcome { Claimed, QueueEmpty, HeldByOther, AssignedToOther, NotOpen, NotFound, OwnDecisionAppealed }

/// <summary>What a claim attempt came to; when another reviewer holds the case, who and until when.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, long? CaseId = null, string? HolderName = null, DateTime? HeldUntilUtc = null)
{
    public bool Succeeded => Outcome == ClaimOutcome.Claimed;
}

/// <summary>
/// Who works which case. A claim is a lease: it lasts <see cref="ReviewOptions.ClaimMinutes"/>, the open case page keeps it
/// alive while its holder works (<see cref="RenewAsync"/>), and an expired claim counts as no claim. Taking a case is one
/// conditional UPDATE, so of any number of simultaneous claims of one case exactly one changes the row, on one instance or
/// several. Claims do not move the case's <see cref="ReviewCase.Version"/>: that guards what the case says, so a decision
/// typed during a long claim still meets a conflict when someone else changed the case meanwhile.
/// </summary>
public sealed class ReviewClaims(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    TimeProvider clock, IOptions<ReviewOptions> options, ILiveNotifier live)
{
    private TimeSpan Lease => TimeSpan.FromMinutes(options.Value.ClaimMinutes);

    /// <summary>"Start reviewing": the most urgent case of the view nobody holds, those assigned to me first.</summary>
    public Task<ClaimResult> ClaimNextAsync(ReviewQueueView view, CancellationToken cancellationToken = default) =>
        ClaimNextAsync(view, null, cancellationToken);

    /// <summary>"Next" from a case page: as above, passing over the case being skipped (released just before).</summary>
    public async Task<ClaimResult> ClaimNextAsync(ReviewQueueView view, long? skipping, CancellationToken cancellationToken = default)
    {
        var actor = await DemandForAsync(view.State);
        var supervisor = await guard.HasAsync(ReviewPermissions.Supervise);
        var now = clock.GetUtcNow().UtcDateTime;
        // Under a burst every reviewer reads the same most urgent case and one of them takes it: the others go on to the
        // next candidates they have not tried, so each ends with a case of their own while any is free.
        // The case being skipped counts as tried, so "next" never hands it straight back.
        var tried = skipping is { } skipped ? new List<long> { skipped } : new List<long>();
        while (tried.Count < MaxClaimTries)
        {
            List<long> candidates;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var free = view.Apply(db.ReviewCases.AsNoTracking(), actor.Id, now)
                    .Where(c => c.ClaimedById == null || c.ClaimExpiresAtUtc <= now || c.ClaimedById == actor.Id)
                    .Where(c => c.State == ReviewCaseState.Open || supervisor)
                    .Where(c => !tried.Contains(c.Id))
                    // An appeal against my own decision is for someone else to decide: I am not handed it.
                    .Where(c => !db.Appeals.Any(a => a.ReviewCaseId == c.Id && a.State == AppealState.Open
                        && db.Decisions.Any(d => d.Id == a.DecisionId && d.DecidedById == actor.Id)));
                candidates = await Candidates(free.Where(c => c.AssignedToId == actor.Id)).ToListAsync(cancellationToken);
                // An escalated case is the Managers' whoever it was given to before.
                if (candidates.Count == 0)
                {
                    candidates = await Candidates(free.Where(c => c.AssignedToId == null || c.State == ReviewCaseState.Escalated)).ToListAsync(cancellationToken);
                }
            }
            if (candidates.Count == 0) return new ClaimResult(ClaimOutcome.QueueEmpty);
            foreach (var candidate in candidates)
            {
                var result = await TryClaimAsync(candidate, actor, supervisor, now, cancellationToken);
                if (result.Succeeded) return result;
                tried.Add(candidate);
            }
        }
        return new ClaimResult(ClaimOutcome.QueueEmpty);
    }

    /// <summary>Cases tried per "Start reviewing" before it gives up: far more than reviewers pressing it at once.</summary>
    private const int MaxClaimTries = 200;

    private static IQueryable<long> Candidates(IQueryable<ReviewCase> free) =>
        free.OrderBy(c => c.QueueOrder).ThenBy(c => c.Id).Select(c => c.Id).Take(10);

    /// <summary>Claims one case (opened from the queue, or kept open on its page), or renews my claim on it.</summary>
    public async Task<ClaimResult> ClaimAsync(long caseId, CancellationToken cancellationToken = default)
    {
        var state = await StateOfAsync(caseId, cancellationToken);
        if (state is null) return new ClaimResult(ClaimOutcome.NotFound, caseId);
        var actor = await DemandForAsync(state.Value);
        var supervisor = await guard.HasAsync(ReviewPermissions.Supervise);
        // Tried again whole when the database drops out mid-way (TransientFailures): a claim of my own case succeeds again.
        return await contextFactory.RetryAsync(() => TryClaimAsync(caseId, actor, supervisor, clock.GetUtcNow().UtcDateTime, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Extends my claim by a whole lease from now, while it still holds: the open case page calls it while its holder works.
    /// A heartbeat of a claim already recorded, so it adds no history line and no audit event; a lapsed claim is not revived
    /// (taking the case again is a claim of its own, recorded as one).
    /// </summary>
    public async Task<DateTime?> RenewAsync(long caseId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Read);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var renewed = await db.ReviewCases.Where(c => c.Id == caseId && c.ClaimedById == actor.Id && c.ClaimExpiresAtUtc > now && c.State != ReviewCaseState.Decided)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimExpiresAtUtc, until), cancellationToken);
        return renewed == 0 ? null : until;
    }

    /// <summary>Gives a case I hold back to the queue (tried again whole if the database drops out mid-way).</summary>
    public async Task<bool> ReleaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Decide);
        return await contextFactory.RetryAsync(() => ReleaseAsync(caseId, actor, cancellationToken), cancellationToken);
    }

    private async Task<bool> ReleaseAsync(long caseId, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var released = await db.ReviewCases.Where(c => c.Id == caseId && c.ClaimedById == actor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedById, (string?)null).SetProperty(c => c.ClaimedByName, (string?)null)
                .SetProperty(c => c.ClaimedAtUtc, (DateTime?)null).SetProperty(c => c.ClaimExpiresAtUtc, (DateTime?)null), cancellationToken);
        if (released == 0) return false;
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Released, actor, clock);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseReleased, nameof(ReviewCase), caseId.ToString(), null, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        await PublishAsync(caseId, cancellationToken);
        return true;
    }

    /// <summary>A Manager gives a case to a named reviewer: it leaves everyone else's "Start reviewing" and heads theirs.</summary>
    public async Task<Result> AssignAsync(long caseId, string reviewerId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Supervise);
        var reviewer = await ReviewersAsync(cancellationToken);
        var chosen = reviewer.FirstOrDefault(r => r.Id == reviewerId);
        if (chosen is null) return Result.Invalid([new FieldError("ReviewerId", "Review.Assign.NotAReviewer")]);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var assigned = await db.ReviewCases.Where(c => c.Id == caseId && c.State != ReviewCaseState.Decided)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedToId, chosen.Id).SetProperty(c => c.AssignedToName, chosen.Name)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (assigned == 0) return Result.Refused("Review.Assign.NotOpen");
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Assigned, actor, clock, chosen.Name);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseAssigned, nameof(ReviewCase), caseId.ToString(),
            new { AssignedTo = chosen.Name }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        await PublishAsync(caseId, cancellationToken);
        return Result.Ok;
    }

    /// <summary>Staff who may decide cases, for the assign menu: enabled accounts holding a role that grants it.</summary>
    public async Task<IReadOnlyList<StaffChoice>> ReviewersAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Supervise);
        var roles = RolePermissions.ByRole.Where(r => r.Value.Contains(ReviewPermissions.Decide)).Select(r => r.Key).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Disabled accounts are left out; a lockout after failed sign-ins passes within minutes and is no reason to.
        var reviewers = await (from user in db.Users.AsNoTracking()
                               join userRole in db.UserRoles on user.Id equals userRole.UserId
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where roles.Contains(role.Name!) && !user.IsDisabled
                               select new StaffChoice(user.Id, user.DisplayName == "" ? user.UserName! : user.DisplayName))
            .Distinct().ToListAsync(cancellationToken);
        // Ordered after removing those with several roles: SQL's DISTINCT keeps no order.
        return reviewers.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Ends every claim whose lease has run out, so the case shows as free and its history says so.</summary>
    public async Task<int> ExpireClaimsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.ReviewCases.Where(c => c.ClaimedById != null && c.ClaimExpiresAtUtc <= now)
            .Select(c => new { c.Id, c.ClaimedById, c.ClaimedByName }).Take(1000).ToListAsync(cancellationToken);
        // Most minutes nothing has expired: only then are the writers held back (each clearing below checks again).
        if (expired.Count == 0) return 0;
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var ended = new List<long>();
        foreach (var e in expired)
        {
            // Case by case, still held by the same person and still expired: a claim renewed or retaken since the read stays.
            var cleared = await db.ReviewCases.Where(c => c.Id == e.Id && c.ClaimedById == e.ClaimedById && c.ClaimExpiresAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedById, (string?)null).SetProperty(c => c.ClaimedByName, (string?)null)
                    .SetProperty(c => c.ClaimedAtUtc, (DateTime?)null).SetProperty(c => c.ClaimExpiresAtUtc, (DateTime?)null), cancellationToken);
            if (cleared == 0) continue;
            ReviewCaseHistory.Add(db, e.Id, ReviewCaseEventKind.ClaimExpired, AuditActor.System, clock, e.ClaimedByName);
            ended.Add(e.Id);
        }
        if (ended.Count == 0) return 0;
        await appender.SaveWithAuditAsync(db, AuditActor.System, AuditActions.ReviewClaimsExpired, nameof(ReviewCase), null,
            new { Cases = ended.Count }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        foreach (var id in ended) live.Publish(new ReviewCaseChanged(id, ReviewCaseState.Open, null));
        return ended.Count;
    }

    private async Task<ClaimResult> TryClaimAsync(long caseId, AuditActor actor, bool supervisor, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + Lease;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        // Escalated cases wait for a Manager, even one assigned to a reviewer before it was escalated.
        var taken = await db.ReviewCases
            .Where(c => c.Id == caseId && (c.State == ReviewCaseState.Open || (supervisor && c.State == ReviewCaseState.Escalated))
                && (c.ClaimedById == null || c.ClaimExpiresAtUtc <= now || c.ClaimedById == actor.Id)
                && (c.AssignedToId == null || c.AssignedToId == actor.Id || supervisor)
                && !db.Appeals.Any(a => a.ReviewCaseId == c.Id && a.State == AppealState.Open
                    && db.Decisions.Any(d => d.Id == a.DecisionId && d.DecidedById == actor.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedById, actor.Id).SetProperty(c => c.ClaimedByName, actor.ShownName)
                .SetProperty(c => c.ClaimedAtUtc, now).SetProperty(c => c.ClaimExpiresAtUtc, until), cancellationToken);
        if (taken == 0)
        {
            var held = await db.ReviewCases.AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => new { c.State, c.ClaimedByName, c.ClaimExpiresAtUtc, c.AssignedToName }).FirstOrDefaultAsync(cancellationToken);
            var ownDecisionAppealed = held is not null && await OwnDecisionAppealedAsync(db, caseId, actor.Id, cancellationToken);
            return held switch
            {
                null => new ClaimResult(ClaimOutcome.NotFound, caseId),
                { State: ReviewCaseState.Decided } => new ClaimResult(ClaimOutcome.NotOpen, caseId),
                { State: ReviewCaseState.Escalated } when !supervisor => new ClaimResult(ClaimOutcome.NotOpen, caseId),
                _ when ownDecisionAppealed => new ClaimResult(ClaimOutcome.OwnDecisionAppealed, caseId),
                // A lease that ran out is no hold: the assignment to someone else is what refused the claim.
                { ClaimedByName: not null } when held.ClaimExpiresAtUtc > now => new ClaimResult(ClaimOutcome.HeldByOther, caseId, held.ClaimedByName, held.ClaimExpiresAtUtc),
                _ => new ClaimResult(ClaimOutcome.AssignedToOther, caseId, held.AssignedToName),
            };
        }
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Claimed, actor, clock);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseClaimed, nameof(ReviewCase), caseId.ToString(), null, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        live.Publish(new ReviewCaseChanged(caseId, ReviewCaseState.Open, actor.Id));
        return new ClaimResult(ClaimOutcome.Claimed, caseId, actor.ShownName, until);
    }

    private static Task<bool> OwnDecisionAppealedAsync(AppDbContext db, long caseId, string? actorId, CancellationToken cancellationToken) =>
        db.Appeals.AnyAsync(a => a.ReviewCaseId == caseId && a.State == AppealState.Open
            && db.Decisions.Any(d => d.Id == a.DecisionId && d.DecidedById == actorId), cancellationToken);

    // Escalated cases wait for a Manager: only those who supervise may take them.
    private Task<AuditActor> DemandForAsync(ReviewCaseState state) =>
        guard.DemandActorAsync(state == ReviewCaseState.Escalated ? ReviewPermissions.Supervise : ReviewPermissions.Decide);

    private async Task<ReviewCaseState?> StateOfAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReviewCases.Where(c => c.Id == caseId).Select(c => (ReviewCaseState?)c.State).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task PublishAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = await db.ReviewCases.Where(c => c.Id == caseId).Select(c => new { c.State, c.ClaimedById }).FirstAsync(cancellationToken);
        live.Publish(new ReviewCaseChanged(caseId, now.State, now.ClaimedById));
    }
}

public sealed record StaffChoice(string Id, string Name);
