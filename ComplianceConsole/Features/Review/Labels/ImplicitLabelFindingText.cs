using System.Globalization;
using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;
using static ComplianceConsole.Features.Review.Labels.ImplicitLabelFindingCodes;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// A finding in the reader's language. Where a label was found is kept as its code (<see cref="ImplicitLabelPlace"/>, so flags
/// and readings stay language-free) and named here as the file label panel names it: "PNG 文本块 AIGC", not "PngText"; so is why
/// the file could not be read ("文件已损坏或被截断", not "Unreadable"). A count is kept as digits and written as the reader's culture
/// writes numbers, as the panel beside it does ("2,000").
/// </summary>
public static class ImplicitLabelFindingText
{
    public static string Describe(IStringLocalizer<SharedResource> localizer, ImplicitLabelFinding finding)
    {
        var holds = KindOf(finding.Code)?.Arguments ?? [];
        return localizer[finding.MessageKey, [.. finding.Arguments.Select((argument, index) =>
            Shown(localizer, index < holds.Length ? holds[index] : FindingArgument.Text, argument))]];
    }

    private static object Shown(IStringLocalizer<SharedResource> localizer, FindingArgument holds, string argument) => holds switch
    {
        FindingArgument.Count when long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => count,
        FindingArgument.Place => string.Join(", ", argument.Split(", ").Select(place => Named<ImplicitLabelPlace>(localizer, "FileLabel.Place", place))),
        FindingArgument.ReadOutcome => Named<ImplicitLabelReadOutcome>(localizer, "FileLabel.Outcome", argument),
        _ => argument,
    };

    // A code is named in words; anything else (a value a flag's text had to cut short) is shown as it is.
    private static string Named<TCode>(IStringLocalizer<SharedResource> localizer, string prefix, string code) where TCode : struct, Enum =>
        Enum.GetNames<TCode>().Contains(code) ? localizer[$"{prefix}.{code}"].Value : code;
}
