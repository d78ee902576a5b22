namespace ComplianceConsole.Features.Jobs;

public enum JobStatus { Queued = 1, Running = 2, Succeeded = 3, Failed = 4, Cancelled = 5, Interrupted = 6 }

/// <summary>
/// Long work a person asked for (an import, a bulk decision): who asked, what they asked for as shown to people,
/// how far it got and what came of it. Runs on the job host, never on a page's circuit.
/// </summary>
public sealed class JobRecord
{
    public long Id { get; set; }

    /// <summary>A <see cref="JobHandler"/> kind, e.g. <c>verification-import</c>.</summary>
    public string Kind { get; set; } = "";

    public string? RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";
    public string? RequestedFromIp { get; set; }

    /// <summary>What was asked for, as labelled values shown to people (personal data masked), JSON.</summary>
    public string OptionsJson { get; set; } = "[]";

    /// <summary>The handler's own input, encrypted: it may name people or identifiers.</summary>
    public byte[] Input { get; set; } = [];

    public JobStatus Status { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }

    /// <summary>A localisation key naming the current phase ("reading", "saving"), if the handler reports one.</summary>
    public string? Phase { get; set; }

    public DateTime QueuedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }

    /// <summary>Set by a cancel request; the running job stops before its next batch.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>What came of it (summary, counts, files), JSON of <see cref="JobResult"/>.</summary>
    public string? ResultJson { get; set; }

    /// <summary>Why it failed or was interrupted: a localisation key with its arguments, JSON of <see cref="JobMessage"/>.</summary>
    public string? FailureJson { get; set; }

    /// <summary>When the result files are removed.</summary>
    public DateTime? FilesExpireAtUtc { get; set; }

    /// <summary>When retention removed the result files (they were listed in the result until then).</summary>
    public DateTime? FilesRemovedAtUtc { get; set; }

    /// <summary>The job this one re-runs, if any.</summary>
    public long? RerunOfId { get; set; }

    public bool IsActive => Status is JobStatus.Queued or JobStatus.Running;
}
