using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Internal notes on a case, from one member of staff to the others ("checked the source video, see 14:02"): a step of the
/// case's history written with its audit event, never shown to the platform or the complainant.
/// </summary>
public sealed class CaseNotesService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result> AddAsync(long caseId, string? text, CancellationToken cancellationToken = default)
    {
        // Those who work cases write notes: reviewers, and Managers who supervise them.
        var actor = await guard.DemandActorAsync(await guard.HasAsync(ReviewPermissions.Decide) ? ReviewPermissions.Decide : ReviewPermissions.Supervise);
        var note = text?.Trim() ?? "";
        if (note.Length == 0) return Result.Invalid([new FieldError("Note", "Review.Notes.Empty")]);
        if (note.Length > ContentRules.MaxNoteLength) return Result.Invalid([new FieldError("Note", "Review.TextTooLong", ContentRules.MaxNoteLength)]);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        if (!await db.ReviewCases.AnyAsync(c => c.Id == caseId, cancellationToken)) return Result.Refused("Review.Case.NotFound");
        ReviewCaseHistory.Add(db, caseId, ReviewCaseEventKind.Note, actor, clock, note);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewCaseNoted, nameof(ReviewCase), caseId.ToString(), new { note }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        return Result.Ok;
    }
}
