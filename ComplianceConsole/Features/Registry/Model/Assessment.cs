namespace ComplianceConsole.Features.Registry;

/// <summary>
/// A security assessment of a tool or model that generates or edits faces and voices (Art. 15) or of a new product,
/// application or function before it goes live (Art. 20): its findings, their remediation and its evidence.
/// </summary>
public sealed class Assessment
{
    public long Id { get; set; }
    public string Subject { get; set; } = "";
    public AssessmentSubject SubjectKind { get; set; }
    public AssessmentKind Kind { get; set; }
    public AssessmentStatus Status { get; set; }
    public DateOnly DueDate { get; set; }
    public string? Findings { get; set; }
    public string? Remediation { get; set; }
    public string? Reviewer { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}
