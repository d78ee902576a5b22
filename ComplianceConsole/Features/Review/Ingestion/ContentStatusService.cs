using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>None: the item was never flagged. Otherwise the state of its case.</summary>
public enum ContentCaseState { None = 0, Open = 1, Escalated = 2, Decided = 3 }

/// <summary>The latest decision and, when it was appealed, where the appeal stands (an overturned removal means the item may be restored).</summary>
public sealed record ContentDecisionView(DecisionOutcome Outcome, string ReasonCode, DateTime DecidedAtUtc, ContentAppealView? Appeal);

public sealed record ContentAppealView(string PlatformAppealId, AppealState State, AppealOutcome? Outcome);

public sealed record ActiveSanctionView(long Id, SanctionKind Kind, DateTime StartsAtUtc, DateTime? EndsAtUtc, string ReasonCode);

/// <summary>What the platform needs to act on an item: its case, the latest decision, open flags, and its author's sanctions in force.</summary>
public sealed record ContentStatus(string ExternalId, ContentCaseState CaseState, int OpenFlags, ContentDecisionView? LatestDecision,
    IReadOnlyList<ActiveSanctionView> AuthorSanctions);

public sealed class ContentStatusService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, TimeProvider clock)
{
    /// <summary>Null when the platform never sent the item.</summary>
    public async Task<ContentStatus?> GetAsync(string externalId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.ReadContent);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ContentItems.AsNoTracking().Where(c => c.ExternalId == externalId)
            .Select(c => new { c.Id, c.AuthorId }).SingleOrDefaultAsync(cancellationToken);
        if (item is null) return null;
        var @case = await db.ReviewCases.AsNoTracking().Where(c => c.ContentItemId == item.Id)
            .Select(c => new { c.Id, c.State, c.FlagCount }).SingleOrDefaultAsync(cancellationToken);
        var decision = @case is null ? null : await db.Decisions.AsNoTracking().Where(d => d.ReviewCaseId == @case.Id).OrderByDescending(d => d.Id)
            .Select(d => new ContentDecisionView(d.Outcome, d.ReasonCode, d.DecidedAtUtc,
                db.Appeals.Where(a => a.DecisionId == d.Id).OrderBy(a => a.Id).Select(a => new ContentAppealView(a.PlatformAppealId, a.State, a.Outcome)).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var sanctions = await db.Sanctions.AsNoTracking()
            .Where(s => s.PlatformUserId == item.AuthorId && s.LiftedAtUtc == null && s.StartsAtUtc <= now && (s.EndsAtUtc == null || s.EndsAtUtc > now))
            .OrderByDescending(s => s.Kind).ThenBy(s => s.StartsAtUtc)
            .Select(s => new ActiveSanctionView(s.Id, s.Kind, s.StartsAtUtc, s.EndsAtUtc, s.ReasonCode))
            .ToListAsync(cancellationToken);
        // FlagCount counts the flags since the case was last decided, so a decided case has none open.
        var openFlags = @case is null || @case.State == ReviewCaseState.Decided ? 0 : @case.FlagCount;
        return new ContentStatus(externalId, @case is null ? ContentCaseState.None : (ContentCaseState)@case.State, openFlags, decision, sanctions);
    }
}
