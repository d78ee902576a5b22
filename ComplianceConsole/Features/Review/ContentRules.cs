namespace ComplianceConsole.Features.Review;

/// <summary>The lengths and limits of what the platform and staff may write into the review feature.</summary>
public static class ContentRules
{
    public const int MaxExternalIdLength = 128;
    public const int MaxExcerptLength = 4000;
    public const int MaxUrlLength = 2048;
    public const int MaxLabelFieldLength = 256;
    public const int MaxReasonLength = 1000;
    public const int MaxMatchedTextLength = 200;
    public const int MaxNoteLength = 2000;
    public const int MaxRuleValueLength = 1000;
    public const int BatchSize = 1000;
}
