using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceConsole.Features.Review;

/// <summary>A rule that matched: which, why, and what it matched where (an index into the normalised text).</summary>
public sealed record FeatureMatch(long RuleId, FeatureRuleKind Kind, string ReasonCode, string MatchedText, int Index);

public sealed record FeatureMatchResult(IReadOnlyList<FeatureMatch> Matches);

/// <summary>
/// The enabled feature-library rules, compiled once: every keyword in one <see cref="SearchValues{T}"/> multi-string
/// search, each pattern a regular expression on .NET's linear-time engine (<see cref="RegexOptions.NonBacktracking"/>:
/// no pattern can backtrack without end, so none needs a timeout and none is ever skipped), content hashes in a set. Text and
/// keywords are compared after NFKC normalisation and case folding, so full-width letters (ＡＢＣ) match too.
/// Immutable, so ingestion threads share one instance.
/// </summary>
public sealed class FeatureMatcher
{
    /// <summary>
    /// Characters NFKC leaves as they are: ASCII, the CJK unified ideographs and the common CJK punctuation (declared before <see cref="Empty"/>, which is built with it). Most text
    /// is made of these alone, and normalising it through ICU cost more than all the keyword matching.
    /// </summary>
    private static readonly string NfkcStableText =
        string.Concat(Enumerable.Range(0, 0x80).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0x3001, 0x3029 - 0x3001 + 1).Select(c => (char)c)) // not the combining tone marks after them
        + string.Concat(Enumerable.Range(0x3030, 0x3035 - 0x3030 + 1).Select(c => (char)c)) // nor U+3036, which NFKC makes U+3012
        + "\u2014\u2018\u2019\u201C\u201D";

    private static readonly SearchValues<char> NfkcStable = SearchValues.Create(NfkcStableText);

    private const char FullWidthFirst = '\uFF01', FullWidthLast = '\uFF5E', IdeographicSpace = '\u3000';
    private const int FullWidthOffset = FullWidthFirst - '!';

    /// <summary>The stable characters, and those NFKC turns into one of them alone (<see cref="Narrowed"/>).</summary>
    private static readonly SearchValues<char> NfkcStableOrWide = SearchValues.Create(
        NfkcStableText + string.Concat(Enumerable.Range(FullWidthFirst, FullWidthLast - FullWidthFirst + 1).Select(c => (char)c)) + IdeographicSpace);

    public static readonly FeatureMatcher Empty = new([]);

    private sealed record Keyword(string Text, long RuleId, string ReasonCode);
    private sealed record Pattern(Regex Regex, long RuleId, string ReasonCode, string Source);

    /// <summary>Patterns asked together first (<see cref="Any"/>) whether any of them matches; null for a group of one.</summary>
    private sealed record PatternGroup(Regex? Any, Pattern[] Members);

    private readonly SearchValues<string>? _keywordSearch;
    private readonly Dictionary<char, Keyword[]> _keywordsByFirstChar;
    private readonly PatternGroup[] _patternGroups;
    private readonly Dictionary<string, (long RuleId, string ReasonCode)> _hashes;

    public FeatureMatcher(IEnumerable<FeatureRule> rules)
    {
        var enabled = rules.Where(r => r.Enabled).ToList();
        var keywords = enabled.Where(r => r.Kind == FeatureRuleKind.Keyword)
            .Select(r => new Keyword(Normalise(r.Value), r.Id, r.ReasonCode))
            .Where(k => k.Text.Length > 0)
            .ToList();
        _keywordSearch = keywords.Count == 0 ? null : SearchValues.Create(keywords.Select(k => k.Text).Distinct().ToArray(), StringComparison.Ordinal);
        // Longest first, so "深度伪造视频" is reported before "深度伪造" at the same place.
        _keywordsByFirstChar = keywords.GroupBy(k => k.Text[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(k => k.Text.Length).ToArray());
        var patterns = enabled.Where(r => r.Kind == FeatureRuleKind.Pattern)
            .Select(r => TryCompile(r.Value) is { } regex ? new Pattern(regex, r.Id, r.ReasonCode, r.Value) : null)
            .OfType<Pattern>()
            .ToArray();
        _patternGroups = [.. Grouped(patterns)];
        _hashes = enabled.Where(r => r.Kind == FeatureRuleKind.ContentHash)
            .GroupBy(r => r.Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => (g.First().Id, g.First().ReasonCode));
        RuleCount = enabled.Count;
    }

    public int RuleCount { get; }

    /// <summary>Throws <see cref="RegexParseException"/> for a pattern that does not parse and <see cref="NotSupportedException"/> for one the linear engine cannot run.</summary>
    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Null for a pattern the linear engine cannot run: only one saved before patterns were checked for it can be.</summary>
    private static Regex? TryCompile(string pattern)
    {
        try
        {
            return Compile(pattern);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The form text and keywords are compared in: NFKC (full-width to half-width) and lower case.</summary>
    public static string Normalise(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyExcept(NfkcStable);
        if (first < 0) return text.ToLowerInvariant();
        return (span[first..].ContainsAnyExcept(NfkcStableOrWide) ? Nfkc(text) : Narrowed(text, first)).ToLowerInvariant();
    }

    /// <summary>
    /// NFKC of a text whose only unstable characters are full-width forms of ASCII and the ideographic space, which NFKC makes
    /// their ASCII character and a space; nothing else in such a text composes. Chinese punctuation is full-width (，：！？（）),
    /// so this is most Chinese text, and ICU's normalisation of it was a quarter of ingestion's CPU.
    /// </summary>
    private static string Narrowed(string text, int first) => string.Create(text.Length, (text, first), static (result, state) =>
    {
        state.text.AsSpan().CopyTo(result);
        for (var i = state.first; i < result.Length; i++)
        {
            var c = result[i];
            if (c is >= FullWidthFirst and <= FullWidthLast) result[i] = (char)(c - FullWidthOffset);
            else if (c == IdeographicSpace) result[i] = ' ';
        }
    });

    /// <summary>NFKC, or the text as it is when ICU refuses it (a noncharacter such as U+FFFE): matching must never fail an ingestion.</summary>
    private static string Nfkc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>
    /// The patterns as alternations, each asked first whether any of its patterns matches at all: one search of the text
    /// instead of one per pattern (a thirtieth of the time with a hundred patterns), and most texts match none. The linear
    /// engine refuses an automaton of more than 10,000 nodes, which a hundred patterns with bounded repeats exceed (the
    /// synthetic library's make 13,790): then each half is tried, and so on, down to a pattern on its own.
    /// </summary>
    private static IEnumerable<PatternGroup> Grouped(Pattern[] patterns)
    {
        if (patterns.Length == 0) yield break;
        if (patterns.Length == 1)
        {
            yield return new PatternGroup(null, patterns);
            yield break;
        }
        Regex? any;
        try
        {
            any = Compile(string.Join("|", patterns.Select(p => $"(?:{p.Source})")));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            any = null;
        }
        if (any is not null)
        {
            yield return new PatternGroup(any, patterns);
            yield break;
        }
        foreach (var group in Grouped(patterns[..(patterns.Length / 2)]).Concat(Grouped(patterns[(patterns.Length / 2)..]))) yield return group;
    }

    /// <summary>How many of the patterns are asked about one by one, in no group: a measure of the groups, for tests.</summary>
    internal int PatternsAlone => _patternGroups.Where(g => g.Any is null).Sum(g => g.Members.Length);

    /// <summary>Every rule that matches the text or the hash, each rule once, at its first place.</summary>
    public FeatureMatchResult Match(string? text, string? contentHash)
    {
        var matches = new List<FeatureMatch>();
        if (contentHash is not null && _hashes.TryGetValue(contentHash.ToLowerInvariant(), out var hashRule))
        {
            matches.Add(new FeatureMatch(hashRule.RuleId, FeatureRuleKind.ContentHash, hashRule.ReasonCode, contentHash.ToLowerInvariant(), 0));
        }
        if (!string.IsNullOrEmpty(text))
        {
            var normalised = Normalise(text);
            MatchKeywords(normalised, matches);
            MatchPatterns(normalised, matches);
        }
        return new FeatureMatchResult(matches);
    }

    private void MatchKeywords(string text, List<FeatureMatch> matches)
    {
        if (_keywordSearch is null) return;
        var seen = new HashSet<long>();
        var start = 0;
        while (start < text.Length)
        {
            var found = text.AsSpan(start).IndexOfAny(_keywordSearch);
            if (found < 0) break;
            var at = start + found;
            foreach (var keyword in _keywordsByFirstChar[text[at]])
            {
                if (text.AsSpan(at).StartsWith(keyword.Text, StringComparison.Ordinal) && seen.Add(keyword.RuleId))
                {
                    matches.Add(new FeatureMatch(keyword.RuleId, FeatureRuleKind.Keyword, keyword.ReasonCode, keyword.Text, at));
                }
            }
            start = at + 1;
        }
    }

    private void MatchPatterns(string text, List<FeatureMatch> matches)
    {
        foreach (var group in _patternGroups)
        {
            if (group.Any is not null && !group.Any.IsMatch(text)) continue;
            foreach (var pattern in group.Members)
            {
                var match = pattern.Regex.Match(text);
                if (match.Success) matches.Add(new FeatureMatch(pattern.RuleId, FeatureRuleKind.Pattern, pattern.ReasonCode, match.Value, match.Index));
            }
        }
    }
}
