using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Exports.Verify;

/// <summary>A verification's explanation in the reader's language: the verdict, then why a cover is not this console's signed record.</summary>
public static class ExportVerdictTexts
{
    /// <summary>The explanation; with <paramref name="naming"/> it also names the cover fields that differ (the page lists them under it instead).</summary>
    public static string Explanation(IStringLocalizer localizer, ExportVerification result, long maxMegabytes, bool naming = true)
    {
        var verdict = result.Verdict == ExportVerdict.TooLarge
            ? localizer["Exports.Verify.TooLarge", maxMegabytes].Value
            : localizer[$"Exports.Verdict.{result.Verdict}"].Value;
        if (result.SignatureProblem is not { } problem) return verdict;
        var reason = localizer[$"Exports.SignatureProblem.{problem}"].Value;
        return naming && result.DifferingCoverFields is { Count: > 0 } fields
            ? $"{verdict} {reason} {localizer["Exports.CoverFieldsDiffer", string.Join("; ", fields)].Value}"
            : $"{verdict} {reason}";
    }
}
