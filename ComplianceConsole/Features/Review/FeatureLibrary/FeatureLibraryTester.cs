using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>A rule that matched the tested text, with where: <see cref="Index"/> and <see cref="Length"/> in <see cref="FeatureTestResult.ShownText"/>.</summary>
public sealed record FeatureTestMatch(long RuleId, FeatureRuleKind Kind, string RuleValue, string ReasonCode, string MatchedText, int Index, int Length);

/// <summary>
/// What the library does to a text: the text shown with its matches (the text as pasted, or the normalised form the
/// matcher compared when normalising changed its length, so offsets still point at the right characters).
/// </summary>
public sealed record FeatureTestResult(string ShownText, bool ShowsNormalisedText, IReadOnlyList<FeatureTestMatch> Matches);

/// <summary>Runs the library exactly as ingestion will apply it (<see cref="FeatureLibrary.CurrentAsync"/>) on a pasted text and hash.</summary>
public sealed class FeatureLibraryTester(FeatureLibrary library, IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard)
{
    /// <summary>As long as the longest excerpt ingestion keeps: longer text could never reach the matcher.</summary>
    public const int MaxTextLength = ContentRules.MaxExcerptLength;

    public async Task<Result<FeatureTestResult>> TestAsync(string? text, string? contentHash, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        text ??= "";
        var hash = string.IsNullOrWhiteSpace(contentHash) ? null : contentHash.Trim();
        var errors = new List<FieldError>();
        if (text.Length > MaxTextLength) errors.Add(new("Text", "FeatureTest.TextTooLong", MaxTextLength));
        if (hash is not null && (hash.Length != FeatureRuleRules.HashLength || !hash.All(char.IsAsciiHexDigit))) errors.Add(new("Hash", "FeatureRule.BadHash", FeatureRuleRules.HashLength));
        if (text.Length == 0 && hash is null) errors.Add(new("Text", "FeatureTest.NothingToTest"));
        if (errors.Count > 0) return Result.Invalid(errors);

        var matcher = await library.CurrentAsync(cancellationToken);
        var found = matcher.Match(text, hash);
        var normalised = FeatureMatcher.Normalise(text);
        var showNormalised = normalised.Length != text.Length;
        var ruleIds = found.Matches.Select(m => m.RuleId).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var values = await db.FeatureRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Value, cancellationToken);
        var matches = found.Matches
            .Select(m => new FeatureTestMatch(m.RuleId, m.Kind, values.GetValueOrDefault(m.RuleId, m.MatchedText), m.ReasonCode,
                m.Kind == FeatureRuleKind.ContentHash ? m.MatchedText : (showNormalised ? normalised : text).Substring(m.Index, m.MatchedText.Length),
                m.Index, m.Kind == FeatureRuleKind.ContentHash ? 0 : m.MatchedText.Length))
            .OrderBy(m => m.Kind == FeatureRuleKind.ContentHash ? -1 : m.Index)
            .ToList();
        return Result<FeatureTestResult>.Ok(new FeatureTestResult(showNormalised ? normalised : text, showNormalised, matches));
    }
}
