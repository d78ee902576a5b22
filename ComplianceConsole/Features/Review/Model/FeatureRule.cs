namespace ComplianceConsole.Features.Review;

public enum FeatureRuleKind { Keyword = 1, Pattern = 2, ContentHash = 3 }

/// <summary>A feature-library entry (Art. 10): a keyword, a regular expression or a content hash, and the reason it flags.</summary>
public sealed class FeatureRule
{
    public long Id { get; set; }
    public FeatureRuleKind Kind { get; set; }
    public string Value { get; set; } = "";
    public string ReasonCode { get; set; } = "";
    public string? Note { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}
