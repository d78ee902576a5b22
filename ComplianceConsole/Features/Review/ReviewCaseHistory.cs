using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;

namespace ComplianceConsole.Features.Review;

/// <summary>Adds a step to a case's history in the caller's pending changes, saved with the audit event of the same action.</summary>
public static class ReviewCaseHistory
{
    public static ReviewCaseEvent Add(AppDbContext db, long caseId, ReviewCaseEventKind kind, AuditActor actor, TimeProvider clock, string? detail = null)
    {
        var entry = new ReviewCaseEvent
        {
            ReviewCaseId = caseId,
            Kind = kind,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.Id,
            ActorName = actor.ShownName,
            Detail = detail,
        };
        db.ReviewCaseEvents.Add(entry);
        return entry;
    }
}
