namespace ComplianceConsole.Features.Jobs;

/// <summary>A job was queued, moved on, or ended: pages showing it reload it; its owner's app bar updates.</summary>
public sealed record JobChanged(long JobId, string? OwnerId, JobStatus Status);
