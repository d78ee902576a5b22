using ComplianceConsole.Common;
using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Features.Settings;

/// <summary>The settings form as a person fills it in.</summary>
public sealed class ProviderSettingsForm
{
    public string ProviderName { get; set; } = "";
    public string UnifiedSocialCreditCode { get; set; } = "";

    public string LabelingCode { get; set; } = "";

    /// <summary>Shown, not edited here: the compliance registry keeps the filings.</summary>
    public IReadOnlyList<string> AlgorithmFilingNumbers { get; set; } = [];

    public bool RequireTwoFactor { get; set; }
    public int Version { get; set; }
}

public static class ProviderSettingsRules
{
    public const int MaxNameLength = 200;
    public static IReadOnlyList<FieldError> Validate(ProviderSettingsForm form)
    {
        var errors = new List<FieldError>();
        var name = form.ProviderName.Trim();
        if (name.Length == 0) errors.Add(new(nameof(form.ProviderName), "Validation.Required"));
        else if (name.Length > MaxNameLength) errors.Add(new(nameof(form.ProviderName), "Validation.TooLong", MaxNameLength));

        if (UnifiedSocialCreditCode.Validate(IdentifierText.Normalize(form.UnifiedSocialCreditCode)) is { } codeError)
        {
            errors.Add(new(nameof(form.UnifiedSocialCreditCode), $"UnifiedSocialCreditCode.{codeError}"));
        }

        var creditCode = IdentifierText.Normalize(form.UnifiedSocialCreditCode);
        if (Identifiers.LabelingCode.Validate(Identifiers.LabelingCode.Normalize(form.LabelingCode), creditCode) is { } labelingError)
            errors.Add(new(nameof(form.LabelingCode), labelingError.Key, labelingError.Argument is { } argument ? [argument] : []));
        return errors;
    }
}
