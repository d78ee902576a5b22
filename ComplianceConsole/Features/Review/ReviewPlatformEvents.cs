using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>What an appeal's decision tells the platform (ids and codes only); the appeals feature fills it in.</summary>
public sealed record AppealDecidedData(string AppealId, long CaseId, string UserId, string? ContentId, string Outcome, string ReasonCode,
    long? DecisionId, long? SanctionId, DateTime DecidedAt);

/// <summary>
/// What review tells the platform, through the webhook outbox (<see cref="PlatformEvents.Add"/>): staged on the caller's context, saved
/// with its change or not at all. Payloads hold ids and codes, never names, identifiers or free text.
/// </summary>
public static class ReviewPlatformEvents
{
    /// <summary><c>decision.made</c> for each final decision (an escalation is not one), and <c>sanction.applied</c> for the sanction one imposed.</summary>
    public static async Task DecisionsMadeAsync(AppDbContext db, IReadOnlyCollection<Decision> decisions, CancellationToken cancellationToken, Sanction? sanction = null)
    {
        var caseIds = decisions.Select(d => d.ReviewCaseId).ToList();
        var contents = await db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, ContentId = c.ContentItem.ExternalId, UserId = db.PlatformUsers().Where(u => u.Id == c.ContentItem.AuthorId).Select(u => u.ExternalId).First() })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var decision in decisions.Where(d => d.Outcome != DecisionOutcome.Escalated))
        {
            var content = contents[decision.ReviewCaseId];
            PlatformEvents.Add(db, PlatformEventTypes.DecisionMade, content.ContentId, new
            {
                caseId = decision.ReviewCaseId, decisionId = decision.Id, contentId = content.ContentId, userId = content.UserId,
                outcome = decision.Outcome, reasonCode = decision.ReasonCode, decidedAt = decision.DecidedAtUtc,
                sanctionId = sanction?.DecisionId == decision.Id ? sanction.Id : (long?)null,
            }, decision.DecidedAtUtc);
        }
        if (sanction is not null)
        {
            var content = contents.GetValueOrDefault(sanction.ReviewCaseId ?? 0);
            var userId = content?.UserId ?? await UserIdAsync(db, sanction.PlatformUserId, cancellationToken);
            PlatformEvents.Add(db, PlatformEventTypes.SanctionApplied, userId, new
            {
                sanctionId = sanction.Id, userId, kind = sanction.Kind, reasonCode = sanction.ReasonCode, startsAt = sanction.StartsAtUtc,
                endsAt = sanction.EndsAtUtc, caseId = sanction.ReviewCaseId, decisionId = sanction.DecisionId, contentId = content?.ContentId,
            }, sanction.ImposedAtUtc);
        }
    }

    public static Task DecisionMadeAsync(AppDbContext db, Decision decision, Sanction? sanction, CancellationToken cancellationToken) =>
        DecisionsMadeAsync(db, [decision], cancellationToken, sanction);

    /// <summary><c>sanction.lifted</c>: lifted early by a Manager, or by an appeal that was upheld in the user's favour (its id given).</summary>
    public static async Task SanctionLiftedAsync(AppDbContext db, long sanctionId, DateTime liftedAtUtc, CancellationToken cancellationToken, string? appealId = null)
    {
        var sanction = await db.Sanctions.AsNoTracking().Where(s => s.Id == sanctionId)
            .Select(s => new { s.Kind, UserId = db.PlatformUsers().Where(u => u.Id == s.PlatformUserId).Select(u => u.ExternalId).First() })
            .SingleAsync(cancellationToken);
        PlatformEvents.Add(db, PlatformEventTypes.SanctionLifted, sanction.UserId,
            new { sanctionId, userId = sanction.UserId, kind = sanction.Kind, liftedAt = liftedAtUtc, appealId }, liftedAtUtc);
    }

    /// <summary><c>appeal.decided</c>, ordered with the content item's events when the appeal is about content, else with the user's.</summary>
    public static void AppealDecided(AppDbContext db, AppealDecidedData data) =>
        PlatformEvents.Add(db, PlatformEventTypes.AppealDecided, data.ContentId ?? data.UserId, data, data.DecidedAt);

    private static Task<string> UserIdAsync(AppDbContext db, long platformUserId, CancellationToken cancellationToken) =>
        db.PlatformUsers().AsNoTracking().Where(u => u.Id == platformUserId).Select(u => u.ExternalId).SingleAsync(cancellationToken);
}
