namespace ComplianceConsole.Data;

/// <summary>
/// An instance of the app serving on this database, as it last said so (<see cref="InstanceHeartbeat"/>): what must not run
/// beside a serving instance, such as <c>rotate-pii-key</c>, asks <see cref="RunningInstances"/> first.
/// </summary>
public sealed class RunningInstance
{
    public Guid Id { get; set; }
    public required string MachineName { get; set; }
    public int ProcessId { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime LastSeenAtUtc { get; set; }
}
