namespace ComplianceConsole.Features.Review.Labels;

/// <summary>How the console got an item's file: the platform uploaded it with the item, or the console fetched its media address.</summary>
public enum FileReadingOrigin { Upload = 1, Fetch = 2 }

/// <summary>
/// What became of reading the file: read, or why not (the fetch failed, it was too large, of no known type, corrupt, its
/// metadata nested too deeply). All but FetchFailed are <see cref="ImplicitLabelReadOutcome"/>'s, under the same numbers.
/// </summary>
public enum FileReadingOutcome { Read = 1, TooLarge = 2, UnknownFileType = 3, Unreadable = 4, FetchFailed = 5, TooDeeplyNested = 6 }

/// <summary>
/// What the console read from a content item's own file, as it was read: its type, size and SHA-256, every implicit label
/// found in it (place and raw JSON) and the label check's findings. The file itself is not kept unless configuration says so.
/// </summary>
public sealed class ContentFileReading
{
    public long Id { get; set; }
    public long ContentItemId { get; set; }
    public DateTime ReadAtUtc { get; set; }
    public FileReadingOrigin Origin { get; set; }
    public FileReadingOutcome Outcome { get; set; }
    public string? FileType { get; set; }
    public long? ByteCount { get; set; }

    /// <summary>SHA-256 of the file read, lower-case hex.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The implicit labels found: a JSON array of { place, rawJson }.</summary>
    public string? LabelsJson { get; set; }

    /// <summary>The label check's findings: a JSON array of { code, arguments }.</summary>
    public string? FindingsJson { get; set; }

    /// <summary>For a fetch that failed: the message key saying why, and its arguments as a JSON array.</summary>
    public string? ProblemKey { get; set; }

    public string? ProblemArgumentsJson { get; set; }
}

/// <summary>An item whose media address is on an allowed host, waiting for the console to fetch and read it.</summary>
public sealed class PendingMediaRead
{
    public long ContentItemId { get; set; }
    public DateTime QueuedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NotBeforeUtc { get; set; }
}

/// <summary>A host an Administrator allows the console to fetch content items' media from, for reading labels and hashing.</summary>
public sealed class AllowedMediaHost
{
    public long Id { get; set; }
    public string Host { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }
    public string AddedByName { get; set; } = "";
}
