using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;
using static ComplianceConsole.Features.Review.Labels.ImplicitLabelFindingCodes;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// The label check's findings on an item's own file as LabelCheck flags: one per finding code (so a file read again with the
/// same fault flags nothing new), reason code <c>label.file.{code}</c>, and the finding's arguments as a JSON array in the
/// flag's matched text, so the flag can be put in words later (<see cref="Describe"/>).
/// </summary>
public static class LabelFileFlags
{
    public const string ReasonPrefix = "label.file.";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static IEnumerable<AutomaticFlag> For(IEnumerable<ImplicitLabelFinding> findings, ContentItem declared) =>
        findings.Where(f => Flagged(f, declared))
            .Select(f => new AutomaticFlag(FlagSource.LabelCheck, ReasonPrefix + f.Code, null, Arguments(f.Arguments)));

    /// <summary>The finding the flag reports, in the reader's language; null for a flag that is not a file label finding.</summary>
    public static string? Describe(IStringLocalizer<SharedResource> localizer, string? reasonCode, string? matchedText)
    {
        if (reasonCode is null || !reasonCode.StartsWith(ReasonPrefix, StringComparison.Ordinal)) return null;
        var code = reasonCode[ReasonPrefix.Length..];
        if (KindOf(code) is null) return null;
        string[] arguments;
        try
        {
            arguments = matchedText is null ? [] : JsonSerializer.Deserialize<string[]>(matchedText) ?? [];
        }
        catch (JsonException)
        {
            arguments = [];
        }
        return ImplicitLabelFindingText.Describe(localizer, new ImplicitLabelFinding(code, arguments));
    }

    // A file without a label, or whose label could not be looked for, is a fault only where a label is due: the item is
    // declared AI-generated or said to carry one. Otherwise every unlabelled photo, or audio of a type not read, would be flagged.
    private static bool Flagged(ImplicitLabelFinding finding, ContentItem declared) =>
        finding.Code is not (None or Unreadable) || declared.DeclaredAiGenerated || declared.ImplicitLabel == LabelStatus.Present;

    /// <summary>The arguments as a JSON array within the flag's matched text; long values are cut, each to an equal share.</summary>
    private static string? Arguments(string[] arguments)
    {
        if (arguments.Length == 0) return null;
        var text = JsonSerializer.Serialize(arguments, Json);
        if (text.Length <= ContentRules.MaxMatchedTextLength) return text;
        var share = ContentRules.MaxMatchedTextLength / arguments.Length - 8;
        var cut = JsonSerializer.Serialize(arguments.Select(a => a.Length <= share ? a : a[..share] + "…"), Json);
        // Escaped characters can still overrun: the column's limit wins, and the flag is then described without its arguments.
        return cut.Length <= ContentRules.MaxMatchedTextLength ? cut : cut[..ContentRules.MaxMatchedTextLength];
    }
}
