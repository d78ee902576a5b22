namespace ComplianceConsole.Features.Review;

/// <summary>Everything a staff member may have typed on a case page and not saved yet.</summary>
public sealed class CaseDraft
{
    public DecisionForm? Decision { get; set; }
    public AppealDraft? Appeal { get; set; }

    /// <summary>An internal note to colleagues, being written.</summary>
    public string? Note { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => (Decision is null || Decision.IsEmpty) && (Appeal is null || Appeal.IsEmpty) && string.IsNullOrWhiteSpace(Note);
}

/// <summary>An appeal decision being written.</summary>
public sealed class AppealDraft
{
    public AppealOutcome? Outcome { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Outcome is null && string.IsNullOrEmpty(ReasonCode) && string.IsNullOrWhiteSpace(Note);
}
