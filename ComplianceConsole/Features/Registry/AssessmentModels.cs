namespace ComplianceConsole.Features.Registry;

/// <summary>The add and edit form of an assessment; <see cref="Id"/> is null for a new one.</summary>
public sealed class AssessmentForm
{
    public long? Id { get; set; }
    public string Subject { get; set; } = "";
    public AssessmentSubject SubjectKind { get; set; } = AssessmentSubject.Function;
    public AssessmentKind Kind { get; set; } = AssessmentKind.Self;
    public AssessmentStatus Status { get; set; } = AssessmentStatus.Planned;
    public DateOnly? DueDate { get; set; }
    public string? Findings { get; set; }
    public string? Remediation { get; set; }
    public string? Reviewer { get; set; }
    public int Version { get; set; }
}

public sealed record AssessmentFilter(AssessmentStatus? Status = null, AssessmentSubject? SubjectKind = null);

public sealed record AssessmentRow(long Id, string Subject, AssessmentSubject SubjectKind, AssessmentKind Kind, AssessmentStatus Status, DateOnly DueDate,
    string? Findings, string? Remediation, string? Reviewer, DateTime? CompletedAtUtc, DateTime UpdatedAtUtc, string UpdatedByName, int EvidenceFiles, int Version)
{
    /// <summary>Art. 15 for tools and models that edit faces or voices; Art. 20 for a new function.</summary>
    public int Article => SubjectKind == AssessmentSubject.Function ? 20 : 15;
}

/// <summary>A launch as a Manager records it: which function, when, on which assessment.</summary>
public sealed class LaunchForm
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public long? AssessmentId { get; set; }
    public DateOnly? LaunchDate { get; set; }
}

public sealed record LaunchRow(long Id, string Name, string? Description, long AssessmentId, string AssessmentSubject, AssessmentStatus AssessmentStatus,
    DateOnly LaunchDate, DateTime RecordedAtUtc, string RecordedByName);
