namespace ComplianceConsole.Features.Registry;

/// <summary>A new product, application or function going live, and the passed assessment it went live on (Art. 20).</summary>
public sealed class FunctionLaunch
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public long AssessmentId { get; set; }
    public DateOnly LaunchDate { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedByName { get; set; } = "";
}
