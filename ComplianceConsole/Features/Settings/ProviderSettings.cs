namespace ComplianceConsole.Features.Settings;

/// <summary>The service provider's own details, printed on every export's cover sheet (Art. 19). One row.</summary>
public sealed class ProviderSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string ProviderName { get; set; } = "";
    public string UnifiedSocialCreditCode { get; set; } = "";

    /// <summary>
    /// Algorithm filing numbers (算法备案号), e.g. 网信算备110108000000000000001号: the active filings of the compliance
    /// registry, written by it whenever a filing changes.
    /// </summary>
    public List<string> AlgorithmFilingNumbers { get; set; } = [];

    /// <summary>The provider's 27-character labeling code for GB 45438-2025 implicit labels; empty until set.</summary>
    public string LabelingCode { get; set; } = "";

    /// <summary>When set, staff without two-factor sign-in must enrol before they can use the console.</summary>
    public bool RequireTwoFactor { get; set; }

    public int Version { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
}
