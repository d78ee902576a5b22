using System.Globalization;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

/// <summary>An assessment as its last save before a moment left it, and who saved it when.</summary>
public sealed record AssessmentAsOf(
    long Id, string Subject, AssessmentSubject? SubjectKind, AssessmentKind? Kind, AssessmentStatus? Status, DateOnly? DueDate,
    string? Findings, string? Remediation, string? Reviewer, string SavedBy, DateTime SavedAtUtc)
{
    public bool IsOpen => Status is AssessmentStatus.Planned or AssessmentStatus.InProgress;
}

/// <summary>
/// Assessments as they stood at a past moment, read from their audited saves (each save records the whole assessment), so a
/// closed period's registry never shows a later edit. An assessment first saved after the moment is not there.
/// </summary>
public static class AssessmentsAsOf
{
    public static async Task<IReadOnlyDictionary<long, AssessmentAsOf>> ReadAsync(AppDbContext db, IReadOnlyCollection<long>? ids, DateTime endUtc,
        CancellationToken cancellationToken)
    {
        var saves = db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.AssessmentSaved && e.TargetType == "Assessment" && e.OccurredAtUtc < endUtc);
        if (ids is not null)
        {
            var targets = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            saves = saves.Where(e => targets.Contains(e.TargetId!));
        }
        var latest = (await saves.OrderBy(e => e.Sequence).Select(e => new { e.TargetId, e.ActorName, e.OccurredAtUtc, e.Details }).ToListAsync(cancellationToken))
            .GroupBy(e => e.TargetId!).Select(g => g.Last());
        var result = new Dictionary<long, AssessmentAsOf>();
        foreach (var save in latest)
        {
            if (!long.TryParse(save.TargetId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            using var details = JsonDocument.Parse(save.Details ?? "{}");
            var stood = AuditJson.Object(details.RootElement, "after") ?? details.RootElement;
            result[id] = new AssessmentAsOf(id, AuditJson.Text(stood, "Subject") ?? "", AuditJson.Enum<AssessmentSubject>(stood, "SubjectKind"),
                AuditJson.Enum<AssessmentKind>(stood, "Kind"), AuditJson.Enum<AssessmentStatus>(stood, "Status"),
                DateOnly.TryParse(AuditJson.Text(stood, "DueDate"), CultureInfo.InvariantCulture, out var due) ? due : null,
                AuditJson.Text(stood, "Findings"), AuditJson.Text(stood, "Remediation"), AuditJson.Text(stood, "Reviewer"), save.ActorName, save.OccurredAtUtc);
        }
        return result;
    }
}
