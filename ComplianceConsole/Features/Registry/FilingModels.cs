namespace ComplianceConsole.Features.Registry;

/// <summary>The add and edit form of a filing; <see cref="Id"/> is null for a new one.</summary>
public sealed class FilingForm
{
    public long? Id { get; set; }
    public string FilingNumber { get; set; } = "";
    public string AlgorithmName { get; set; } = "";
    public FilingRole Role { get; set; } = FilingRole.ServiceProvider;
    public DateOnly? FiledOn { get; set; }
    public FilingStatus Status { get; set; } = FilingStatus.Active;
    public string DisplayedAt { get; set; } = "";
    public int Version { get; set; }
}

public sealed record FilingRow(long Id, string FilingNumber, string AlgorithmName, FilingRole Role, DateOnly FiledOn, FilingStatus Status, string DisplayedAt,
    DateTime UpdatedAtUtc, string UpdatedByName, int Version);

public sealed record FilingChangeRow(DateTime AtUtc, string ByName, string FilingNumber, string AlgorithmName, FilingStatus Status, string DisplayedAt);
