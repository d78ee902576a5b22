using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Review;

public enum ClaimOutcome { Claimed, QueueEmpty, HeldByOther, AssignedToOther, NotOpen, NotFound }

/// <summary>What a claim attempt came to; when another reviewer holds the case, who and until when.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, long? CaseId = null, string? HolderName = null, DateTime? HeldUntilUtc = null)
{
    public bool Succeeded => Outcome == ClaimOutcome.Claimed;
}

/// <summary>
/// Who works which case. A claim is a lease: it lasts <see cref="ReviewOptions.ClaimMinutes"/> and each action renews it;
/// an expired claim counts as no claim. Taking a case is one conditional UPDATE, so of any number of simultaneous claims
/// of one case exactly one changes the row, on one instance or several.
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
        var now = clock.GetUtcNow().UtcDateTime;
        // A handful of tries: a case taken by someone else between our read and our update is skipped, not waited on.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            long? candidate;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var free = view.Apply(db.ReviewCases.AsNoTracking(), actor.Id, now)
                    .Where(c => c.ClaimedById == null || c.ClaimExpiresAtUtc <= now || c.ClaimedById == actor.Id)
                    .Where(c => skipping == null || c.Id != skipping);
                candidate = await free.Where(c => c.AssignedToId == actor.Id)
                    .OrderBy(c => c.QueueOrder).ThenBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? await free.Where(c => c.AssignedToId == null)
                        .OrderBy(c => c.QueueOrder).ThenBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
            }
            if (candidate is null) return new ClaimResult(ClaimOutcome.QueueEmpty);
            var result = await TryClaimAsync(candidate.Value, actor, now, cancellationToken);
            if (result.Succeeded) return result;
        }
        return new ClaimResult(ClaimOutcome.QueueEmpty);
    }

    /// <summary>Claims one case (opened from the queue, or kept open on its page), or renews my claim on it.</summary>
    public async Task<ClaimResult> ClaimAsync(long caseId, CancellationToken cancellationToken = default)
    {
        var state = await StateOfAsync(caseId, cancellationToken);
        if (state is null) return new ClaimResult(ClaimOutcome.NotFound, caseId);
        var actor = await DemandForAsync(state.Value);
        return await TryClaimAsync(caseId, actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>Gives a case I hold back to the queue.</summary>
    public async Task<bool> ReleaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Decide);
        await using var appender = await audit.ExclusiveAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = await db.ReviewCases.Where(c => c.Id == caseId && c.ClaimedById == actor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedById, (string?)null).SetProperty(c => c.ClaimedByName, (string?)null)
                .SetProperty(c => c.ClaimedAtUtc, (DateTime?)null).SetProperty(c => c.ClaimExpiresAtUtc, (DateTime?)null)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (released == 0) return false;
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Released, actor, clock);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseReleased, nameof(ReviewCase), caseId.ToString(), null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(caseId, cancellationToken);
        return true;
    }

    /// <summary>A Manager gives a case to a named reviewer: it leaves everyone else's "Start reviewing" and heads theirs.</summary>
    public async Task<SaveResult> AssignAsync(long caseId, string reviewerId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Supervise);
        var reviewer = await ReviewersAsync(cancellationToken);
        var chosen = reviewer.FirstOrDefault(r => r.Id == reviewerId);
        if (chosen is null) return SaveResult.Invalid([new FieldError("ReviewerId", "Review.Assign.NotAReviewer")]);
        await using var appender = await audit.ExclusiveAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var assigned = await db.ReviewCases.Where(c => c.Id == caseId && c.State != ReviewCaseState.Decided)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedToId, chosen.Id).SetProperty(c => c.AssignedToName, chosen.Name)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (assigned == 0) return SaveResult.Refused("Review.Assign.NotOpen");
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Assigned, actor, clock, chosen.Name);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseAssigned, nameof(ReviewCase), caseId.ToString(),
            new { AssignedTo = chosen.Name }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(caseId, cancellationToken);
        return SaveResult.Saved;
    }

    /// <summary>Staff who may decide cases, for the assign menu: enabled accounts holding a role that grants it.</summary>
    public async Task<IReadOnlyList<StaffChoice>> ReviewersAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Supervise);
        var roles = RolePermissions.ByRole.Where(r => r.Value.Contains(ReviewPermissions.Decide)).Select(r => r.Key).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await (from user in db.Users.AsNoTracking()
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where roles.Contains(role.Name!) && (user.LockoutEnd == null || user.LockoutEnd < now)
                      orderby user.UserName
                      select new StaffChoice(user.Id, user.UserName!))
            .Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Ends every claim whose lease has run out, so the case shows as free and its history says so.</summary>
    public async Task<int> ExpireClaimsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var appender = await audit.ExclusiveAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.ReviewCases.Where(c => c.ClaimedById != null && c.ClaimExpiresAtUtc <= now)
            .Select(c => new { c.Id, c.ClaimedByName }).Take(1000).ToListAsync(cancellationToken);
        if (expired.Count == 0) return 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = expired.Select(e => e.Id).ToList();
        await db.ReviewCases.Where(c => ids.Contains(c.Id) && c.ClaimExpiresAtUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedById, (string?)null).SetProperty(c => c.ClaimedByName, (string?)null)
                .SetProperty(c => c.ClaimedAtUtc, (DateTime?)null).SetProperty(c => c.ClaimExpiresAtUtc, (DateTime?)null)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        foreach (var e in expired) ReviewCaseHistory.Add(db, e.Id, ReviewCaseEventKind.ClaimExpired, AuditActor.System, clock, e.ClaimedByName);
        await appender.SaveWithAuditAsync(db, AuditActor.System, AuditActions.ReviewClaimsExpired, nameof(ReviewCase), null,
            new { Cases = ids.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in ids) live.Publish(new ReviewCaseChanged(id, ReviewCaseState.Open, null));
        return ids.Count;
    }

    private async Task<ClaimResult> TryClaimAsync(long caseId, AuditActor actor, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + Lease;
        await using var appender = await audit.ExclusiveAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var supervisor = await guard.HasAsync(ReviewPermissions.Supervise);
        var taken = await db.ReviewCases
            .Where(c => c.Id == caseId && c.State != ReviewCaseState.Decided
                && (c.ClaimedById == null || c.ClaimExpiresAtUtc <= now || c.ClaimedById == actor.Id)
                && (c.AssignedToId == null || c.AssignedToId == actor.Id || supervisor))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedById, actor.Id).SetProperty(c => c.ClaimedByName, actor.Name)
                .SetProperty(c => c.ClaimedAtUtc, now).SetProperty(c => c.ClaimExpiresAtUtc, until)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (taken == 0)
        {
            var held = await db.ReviewCases.AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => new { c.State, c.ClaimedByName, c.ClaimExpiresAtUtc, c.AssignedToName }).FirstOrDefaultAsync(cancellationToken);
            return held switch
            {
                null => new ClaimResult(ClaimOutcome.NotFound, caseId),
                { State: ReviewCaseState.Decided } => new ClaimResult(ClaimOutcome.NotOpen, caseId),
                { ClaimedByName: not null } => new ClaimResult(ClaimOutcome.HeldByOther, caseId, held.ClaimedByName, held.ClaimExpiresAtUtc),
                _ => new ClaimResult(ClaimOutcome.AssignedToOther, caseId, held.AssignedToName),
            };
        }
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Claimed, actor, clock);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseClaimed, nameof(ReviewCase), caseId.ToString(), null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        live.Publish(new ReviewCaseChanged(caseId, ReviewCaseState.Open, actor.Id));
        return new ClaimResult(ClaimOutcome.Claimed, caseId, actor.Name, until);
    }

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
