namespace ComplianceConsole.Features.PlatformUsers;

public enum PlatformUserKind { Individual = 1, Organisation = 2 }

/// <summary>An account on the provider's platform.</summary>
public sealed class PlatformUser
{
    public long Id { get; set; }
    public string ExternalId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public PlatformUserKind Kind { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the platform reported the account closed; the retention of its verification records counts from here.</summary>
    public DateTime? ClosedAtUtc { get; set; }
}
