namespace ComplianceConsole.Features.Review;

/// <summary>The add and edit form of a rule; <see cref="Id"/> is null for a new rule.</summary>
public sealed class FeatureRuleForm
{
    public long? Id { get; set; }
    public FeatureRuleKind Kind { get; set; } = FeatureRuleKind.Keyword;
    public string Value { get; set; } = "";
    public string ReasonCode { get; set; } = "";
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>The library page's filters: a kind, enabled or not, and text the value contains.</summary>
public sealed record FeatureRuleFilter(FeatureRuleKind? Kind = null, bool? Enabled = null, string? Search = null);

public sealed record FeatureRuleRow(long Id, FeatureRuleKind Kind, string Value, string ReasonCode, string? Note, bool Enabled,
    DateTime UpdatedAtUtc, string UpdatedByName, int Version);
