using System.Text.RegularExpressions;
using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// What a feature-library rule may hold, and the form its value is stored in: keywords in the form the matcher
/// compares (<see cref="FeatureMatcher.Normalise"/>), so "ＡＢＣ" and "abc" are one rule; hashes in lower case;
/// patterns as written. A pattern must parse, must run on the linear-time engine and must stay within <see cref="PatternSize"/>.
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

    private static readonly FieldError TooLarge =
        new(nameof(FeatureRuleForm.Value), "FeatureRule.PatternTooLarge", PatternSize.MaxUnrolled, PatternSize.MaxCountOfUnbounded);

    private static FieldError? PatternError(string pattern)
    {
        const string field = nameof(FeatureRuleForm.Value);
        Regex regex;
        try
        {
            regex = FeatureMatcher.Compile(pattern);
        }
        catch (RegexParseException e)
        {
            return new(field, $"FeatureRule.PatternError.{ParseProblem(e.Error)}", e.Offset);
        }
        catch (NotSupportedException)
        {
            // The engine also refuses a pattern whose unrolled form is beyond its own limit: that one is too large.
            return PatternSize.IsWithinBounds(pattern) ? new(field, "FeatureRule.PatternUnsupported") : TooLarge;
        }
        if (!PatternSize.IsWithinBounds(pattern)) return TooLarge;
        if (regex.IsMatch("")) return new(field, "FeatureRule.PatternMatchesEmpty");
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
}
