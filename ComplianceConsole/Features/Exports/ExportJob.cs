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
