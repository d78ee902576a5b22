namespace ComplianceConsole.Features.Exports;

/// <summary>
/// One requested export, in the export history (<c>ExportJob</c> of the brief): what was asked for (kind, period,
/// filters, masking and, when unmasked, why), by whom and when, the job that runs it, and what came of it (rows, size,
/// SHA-256 of the file, data digest, the signed cover text with its signature, when the file expires). Its run state is the linked <see cref="Jobs.JobRecord"/>'s.
/// </summary>
public sealed class ExportJob
{
    public long Id { get; set; }
    public ExportKind Kind { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }

    /// <summary>The kind's filters by key, JSON of a sorted string map (values as the filters' option values).</summary>
    public string FiltersJson { get; set; } = "{}";

    public bool Unmasked { get; set; }

    /// <summary>Why PII was asked for unmasked, as typed (also in the audit log).</summary>
    public string? UnmaskReason { get; set; }

    public string RequestedById { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTime RequestedAtUtc { get; set; }

    /// <summary>The schedule that asked for it on its owner's behalf, if any.</summary>
    public long? ScheduleId { get; set; }

    public long? JobRecordId { get; set; }
    public int RowsPerSheet { get; set; }

    public long? Rows { get; set; }
    public long? Bytes { get; set; }
    public string? FileSha256 { get; set; }
    public string? DataDigest { get; set; }

    /// <summary>What the export's cover signature is over (<see cref="Workbook.ExportCoverText"/>), so a file's cover can be compared with it.</summary>
    public string? CoverText { get; set; }

    /// <summary>The cover's signature (base64 of DER) and the fingerprint of the key that made it.</summary>
    public string? CoverSignature { get; set; }

    public string? SigningKeyFingerprint { get; set; }

    public DateTime? CompletedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? FileRemovedAtUtc { get; set; }
}

/// <summary>The period a scheduled report covers, relative to when it runs; it also says how often it runs.</summary>
public enum ExportSchedulePeriod
{
    /// <summary>Runs every day; covers the day before, in China Standard Time.</summary>
    PreviousDay = 1,

    /// <summary>Runs every Monday; covers the week before (Monday to Sunday).</summary>
    PreviousWeek = 2,

    /// <summary>Runs on the 1st of each month; covers the month before.</summary>
    PreviousMonth = 3,
}

/// <summary>A recurring report a Manager scheduled: its runs land in the export history, requested on the owner's behalf.</summary>
public sealed class ExportSchedule
{
    public long Id { get; set; }
    public ExportKind Kind { get; set; }
    public ExportSchedulePeriod Period { get; set; }

    /// <summary>The time of day it runs, in minutes after midnight China Standard Time.</summary>
    public int MinuteOfDayCst { get; set; }

    public string FiltersJson { get; set; } = "{}";
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextRunAtUtc { get; set; }
    public DateTime? LastRunAtUtc { get; set; }
    public long? LastExportId { get; set; }
    public int Version { get; set; }
}
