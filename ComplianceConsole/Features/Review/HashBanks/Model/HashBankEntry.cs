namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>How a hash came into a bank: a decision, a file, the platform, or a Manager typing it.</summary>
public enum HashBankEntryOrigin { Decision = 1, Csv = 2, Api = 3, Manual = 4 }

/// <summary>
/// One PDQ hash in a bank, and where it came from: the case whose decision added it ("catch copies of this"), a CSV file, the API
/// or a Manager. A bank holds each hash once.
/// </summary>
public sealed class HashBankEntry
{
    public long Id { get; set; }
    public long HashBankId { get; set; }

    /// <summary>The 64 hex digits of the PDQ hash, lower case.</summary>
    public string Hash { get; set; } = "";

    /// <summary>PDQ's quality score (0-100) when known.</summary>
    public int? Quality { get; set; }

    public HashBankEntryOrigin Origin { get; set; }

    /// <summary>The case whose decision put the hash here: a match links to it.</summary>
    public long? ReviewCaseId { get; set; }

    public string? Note { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public string AddedByName { get; set; } = "";
}
