namespace ComplianceConsole.Features.Review;

/// <summary>A reason a decision or a rule can give, and the article of the Provisions it answers to.</summary>
public sealed record ReviewReason(string Code, string Article, bool IsViolation)
{
    /// <summary>The localisation key of its name.</summary>
    public string NameKey => $"ReviewReason.{Code}";
}

/// <summary>The taxonomy of reasons, mapped to articles: decisions, sanctions and feature rules all use these codes.</summary>
public static class ReviewReasonCodes
{
    public static readonly IReadOnlyList<ReviewReason> All =
    [
        new("endangers_security", "6", true),
        new("fake_news", "6, 11", true),
        new("rumour", "11", true),
        new("fraud_impersonation", "6", true),
        new("pornography_violence", "6", true),
        new("infringes_rights", "6", true),
        new("no_biometric_consent", "14", true),
        new("label_missing", "16, 17", true),
        new("label_tampered", "18", true),
        new("other_illegal", "10", true),
        new("compliant", "10", false),
        new("false_positive", "10", false),
    ];

    private static readonly Dictionary<string, ReviewReason> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static ReviewReason? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var reason) ? reason : null;

    public static IEnumerable<ReviewReason> Violations => All.Where(r => r.IsViolation);
}
