using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;
using static ComplianceConsole.Features.Review.Labels.ImplicitLabelFindingCodes;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// A finding in the reader's language. Where a label was found is kept as its code (<see cref="ImplicitLabelPlace"/>, so flags
/// and readings stay language-free) and named here as the file label panel names it: "PNG 文本块 AIGC", not "PngText"; so is why
/// the file could not be read ("文件已损坏或被截断", not "Unreadable").
/// </summary>
public static class ImplicitLabelFindingText
{
    public static string Describe(IStringLocalizer<SharedResource> localizer, ImplicitLabelFinding finding) =>
        localizer[finding.MessageKey, [.. finding.Arguments.Select((argument, index) =>
            NamesPlaces(finding.Code, index) ? Places(localizer, argument)
            : finding.Code == Unreadable && Enum.GetNames<ImplicitLabelReadOutcome>().Contains(argument) ? localizer[$"FileLabel.Outcome.{argument}"].Value
            : argument)]];

    // Several lists every place after the count; the codes below name no place; every other finding is about the label at its first argument.
    private static bool NamesPlaces(string code, int index) =>
        code == Several ? index == 1 : index == 0 && code is not (Unreadable or None or DeclaredMissing);

    private static string Places(IStringLocalizer<SharedResource> localizer, string places) =>
        string.Join(", ", places.Split(", ").Select(place => Enum.GetNames<ImplicitLabelPlace>().Contains(place) ? localizer[$"FileLabel.Place.{place}"].Value : place));
}
