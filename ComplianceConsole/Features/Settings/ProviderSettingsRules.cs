using ComplianceConsole.Common;
using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Features.Settings;

/// <summary>The settings form as a person fills it in.</summary>
public sealed class ProviderSettingsForm
{
    public string ProviderName { get; set; } = "";
    public string UnifiedSocialCreditCode { get; set; } = "";

    /// <summary>One filing number a line.</summary>
    public string AlgorithmFilingNumbers { get; set; } = "";

    public bool RequireTwoFactor { get; set; }
    public int Version { get; set; }
}

public static class ProviderSettingsRules
{
    public const int MaxNameLength = 200;
    public const int MaxFilingNumberLength = 64;
    public const int MaxFilingNumbers = 20;

    /// <summary>Room for the most filing numbers at their longest, one a line, with spaces to spare.</summary>
    public const int MaxFilingNumbersTextLength = MaxFilingNumbers * (MaxFilingNumberLength + 4);

    public static IReadOnlyList<string> FilingNumbers(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

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

        var numbers = FilingNumbers(form.AlgorithmFilingNumbers);
        if (numbers.Count > MaxFilingNumbers)
            errors.Add(new(nameof(form.AlgorithmFilingNumbers), "Settings.TooManyFilingNumbers", MaxFilingNumbers));
        if (numbers.FirstOrDefault(n => n.Length > MaxFilingNumberLength) is { } tooLong)
            errors.Add(new(nameof(form.AlgorithmFilingNumbers), "Settings.FilingNumberTooLong", tooLong, MaxFilingNumberLength));
        if (numbers.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            errors.Add(new(nameof(form.AlgorithmFilingNumbers), "Settings.FilingNumberRepeated", repeated.Key));
        return errors;
    }
}
