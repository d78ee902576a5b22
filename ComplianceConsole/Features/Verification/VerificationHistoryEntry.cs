namespace ComplianceConsole.Features.Verification;

/// <summary>Every change of a record's status: who, when, from what to what, and why.</summary>
public sealed class VerificationHistoryEntry
{
    public long Id { get; set; }
    public long VerificationRecordId { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public VerificationStatus? FromStatus { get; set; }
    public VerificationStatus ToStatus { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }
}
