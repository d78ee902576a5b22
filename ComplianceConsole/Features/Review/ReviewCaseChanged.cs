namespace ComplianceConsole.Features.Review;

/// <summary>A case was flagged, claimed, released, assigned, decided or reopened: queue screens reload what they show.</summary>
public sealed record ReviewCaseChanged(long CaseId, ReviewCaseState State, string? ClaimedById);
