using System.Text;
using System.Text.RegularExpressions;
using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// What a feature-library rule may hold, and the form its value is stored in: keywords in the form the matcher
/// compares (<see cref="FeatureMatcher.Normalise"/>), so "ＡＢＣ" and "abc" are one rule; hashes in lower case;
/// patterns as written. A pattern must compile and must finish on hostile probe texts within the matcher's timeout.
/// </summary>
public static class FeatureRuleRules
{
    public const int MaxKeywordLength = 100;
    public const int HashLength = 64;

    public static string StoredValue(FeatureRuleKind kind, string? value)
    {
        var text = value ?? "";
        return kind switch
        {
            FeatureRuleKind.Keyword => FeatureMatcher.Normalise(text.Trim()),
            FeatureRuleKind.ContentHash => text.Trim().ToLowerInvariant(),
            _ => text,
        };
    }

    /// <summary>Field errors for a rule's own fields (duplicates need the database and are checked by the service).</summary>
    public static List<FieldError> Validate(FeatureRuleKind kind, string storedValue, string? reasonCode, string? note)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(kind)) errors.Add(new(nameof(FeatureRuleForm.Kind), "FeatureRule.UnknownKind"));
        else if (ValueError(kind, storedValue) is { } valueError) errors.Add(valueError);
        if (ReviewReasonCodes.Find(reasonCode) is not { IsViolation: true }) errors.Add(new(nameof(FeatureRuleForm.ReasonCode), "FeatureRule.UnknownReason"));
        if (note is { Length: > ContentRules.MaxNoteLength }) errors.Add(new(nameof(FeatureRuleForm.Note), "FeatureRule.NoteTooLong", ContentRules.MaxNoteLength));
        return errors;
    }

    private static FieldError? ValueError(FeatureRuleKind kind, string value)
    {
        const string field = nameof(FeatureRuleForm.Value);
        if (string.IsNullOrWhiteSpace(value)) return new(field, "FeatureRule.ValueRequired");
        var max = kind == FeatureRuleKind.Keyword ? MaxKeywordLength : ContentRules.MaxRuleValueLength;
        if (value.Length > max) return new(field, "FeatureRule.ValueTooLong", max);
        if (value.Any(char.IsControl) && kind != FeatureRuleKind.Pattern) return new(field, "FeatureRule.ControlCharacters");
        return kind switch
        {
            FeatureRuleKind.ContentHash when value.Length != HashLength || !value.All(char.IsAsciiHexDigit) => new(field, "FeatureRule.BadHash", HashLength),
            FeatureRuleKind.Pattern => PatternError(value),
            _ => null,
        };
    }

    private static FieldError? PatternError(string pattern)
    {
        Regex regex;
        try
        {
            regex = FeatureMatcher.Compile(pattern);
        }
        catch (RegexParseException e)
        {
            return new(nameof(FeatureRuleForm.Value), $"FeatureRule.PatternError.{ParseProblem(e.Error)}", e.Offset);
        }
        if (regex.IsMatch("")) return new(nameof(FeatureRuleForm.Value), "FeatureRule.PatternMatchesEmpty");
        foreach (var probe in Probes(pattern))
        {
            try
            {
                regex.Match(probe);
            }
            catch (RegexMatchTimeoutException)
            {
                return new(nameof(FeatureRuleForm.Value), "FeatureRule.PatternTooSlow", (int)FeatureMatcher.PatternTimeout.TotalMilliseconds);
            }
        }
        return null;
    }

    /// <summary>Why a pattern does not compile, in the few words a Manager needs to fix it.</summary>
    private static string ParseProblem(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => "UnclosedGroup",
        RegexParseError.InsufficientOpeningParentheses => "UnopenedGroup",
        RegexParseError.UnterminatedBracket => "UnclosedClass",
        RegexParseError.QuantifierAfterNothing or RegexParseError.NestedQuantifiersNotParenthesized => "NothingToRepeat",
        RegexParseError.UnrecognizedEscape or RegexParseError.UnescapedEndingBackslash or RegexParseError.InsufficientOrInvalidHexDigits
            or RegexParseError.UnrecognizedControlCharacter or RegexParseError.MissingControlCharacter
            or RegexParseError.InvalidUnicodePropertyEscape or RegexParseError.MalformedUnicodePropertyEscape => "BadEscape",
        RegexParseError.ReversedCharacterRange or RegexParseError.ReversedQuantifierRange or RegexParseError.ShorthandClassInCharacterRange => "BadRange",
        RegexParseError.UndefinedNamedReference or RegexParseError.UndefinedNumberedReference or RegexParseError.MalformedNamedReference => "BadReference",
        _ => "Other",
    };

    /// <summary>
    /// Texts as long as the longest excerpt ingestion accepts, each a run of one character the pattern could repeat
    /// (its own letters and digits, and a few common ones) ended by a character that breaks the match: the input that
    /// makes nested quantifiers such as <c>(a+)+$</c> backtrack without end.
    /// </summary>
    public static IEnumerable<string> Probes(string pattern)
    {
        var characters = "a1 中".Concat(FeatureMatcher.Normalise(pattern).Where(char.IsLetterOrDigit)).Distinct().Take(24);
        foreach (var c in characters)
        {
            var run = new StringBuilder(ContentRules.MaxExcerptLength).Append(c, ContentRules.MaxExcerptLength - 1);
            yield return run.Append(c == '!' ? '?' : '!').ToString();
        }
    }
}
