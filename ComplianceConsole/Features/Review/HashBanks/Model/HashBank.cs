namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>A block bank flags what matches it; an allow bank holds known false positives, whose matches flag nothing.</summary>
public enum HashBankKind { Block = 1, Allow = 2 }

/// <summary>
/// A named set of PDQ hashes a Manager keeps: images (and video frames) removed or refuted before, or known false positives.
/// A received hash within <see cref="MatchDistance"/> bits of an entry of an enabled block bank raises a FeatureLibrary flag
/// with <see cref="ReasonCode"/>, unless an enabled allow bank matches it too.
/// </summary>
public sealed class HashBank
{
    public const int DefaultMatchDistance = 31;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public HashBankKind Kind { get; set; }

    /// <summary>The reason code the flags of a block bank carry; none for an allow bank.</summary>
    public string? ReasonCode { get; set; }

    public int MatchDistance { get; set; } = DefaultMatchDistance;
    public bool Enabled { get; set; } = true;
    public string? Note { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}
