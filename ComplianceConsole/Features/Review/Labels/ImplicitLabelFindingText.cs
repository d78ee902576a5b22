using System.Globalization;
using ComplianceConsole.Identifiers;
using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;
using static ComplianceConsole.Features.Review.Labels.ImplicitLabelFindingCodes;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// A finding in the reader's language. Where a label was found is kept as its code (<see cref="ImplicitLabelPlace"/>, so flags
/// and readings stay language-free) and named here as the file label panel names it: "PNG 文本块 AIGC", not "PngText"; so is why
/// the file could not be read ("文件已损坏或被截断", not "Unreadable"), why a label's JSON could not be read ("不是有效的 JSON", not
/// "invalid_json") and what is wrong with a credit code ("校验位不正确", not "WrongCheckCharacter"). A count is kept as digits and
/// written as the reader's culture writes numbers, as the panel beside it does ("2,000").
/// </summary>
public static class ImplicitLabelFindingText
{
    public static string Describe(IStringLocalizer<SharedResource> localizer, ImplicitLabelFinding finding)
    {
        var holds = KindOf(finding.Code)?.Arguments ?? [];
        return localizer[finding.MessageKey, [.. finding.Arguments.Select((argument, index) =>
            Shown(localizer, index < holds.Length ? holds[index] : FindingArgument.Text, argument))]];
    }

    /// <summary>Why a label's fields could not be read, as the panel says it under the label.</summary>
    public static string DescribeParseError(IStringLocalizer<SharedResource> localizer, AigcParseError error) =>
        localizer["FileLabel.ParseError", Shown(localizer, FindingArgument.ParseError, error.Code), Shown(localizer, FindingArgument.Field, error.Field ?? "")];

    private static object Shown(IStringLocalizer<SharedResource> localizer, FindingArgument holds, string argument) => holds switch
    {
        FindingArgument.Count when long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => count,
        FindingArgument.Place => string.Join(", ", argument.Split(", ").Select(place => Named(localizer, "FileLabel.Place", Enum.GetNames<ImplicitLabelPlace>(), place))),
        FindingArgument.ReadOutcome => Named(localizer, "FileLabel.Outcome", Enum.GetNames<ImplicitLabelReadOutcome>(), argument),
        FindingArgument.ParseError => Named(localizer, "FileLabel.ParseProblem", AigcJson.Codes, argument),
        FindingArgument.Field => argument.Length == 0 ? "" : localizer["FileLabel.FieldNamed", argument].Value,
        FindingArgument.CreditCodeError => Named(localizer, "FileLabel.CreditCode", Enum.GetNames<UnifiedSocialCreditCodeError>(), argument),
        _ => argument,
    };

    // A code is named in words; anything else (a value a flag's text had to cut short) is shown as it is.
    private static string Named(IStringLocalizer<SharedResource> localizer, string prefix, IEnumerable<string> codes, string code) =>
        codes.Contains(code) ? localizer[$"{prefix}.{code}"].Value : code;
}
