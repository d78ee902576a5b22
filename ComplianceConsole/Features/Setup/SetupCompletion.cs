namespace ComplianceConsole.Features.Setup;

/// <summary>
/// The one row that says first-run setup was done, written in the same transaction as the first administrator: its key is
/// always <see cref="OnlyId"/>, so a second setup (another instance, a racing request) fails on the key and creates nobody.
/// </summary>
public sealed class SetupCompletion
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    public required string AdministratorId { get; set; }
    public DateTime CompletedAtUtc { get; set; }
}
