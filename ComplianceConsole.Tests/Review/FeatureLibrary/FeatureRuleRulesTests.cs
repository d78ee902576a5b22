using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.FeatureLibrary;

public sealed class FeatureRuleRulesTests
{
    private static IReadOnlyList<string> Errors(FeatureRuleKind kind, string value, string reason = "fraud_impersonation", string? note = null) =>
        FeatureRuleRules.Validate(kind, FeatureRuleRules.StoredValue(kind, value), reason, note).Select(e => e.MessageKey).ToList();

    [Theory]
    [InlineData("(深度伪造", "FeatureRule.PatternError.UnclosedGroup")]
    [InlineData("换脸)", "FeatureRule.PatternError.UnopenedGroup")]
    [InlineData("[a-z", "FeatureRule.PatternError.UnclosedClass")]
    [InlineData("*换脸", "FeatureRule.PatternError.NothingToRepeat")]
    [InlineData(@"\q", "FeatureRule.PatternError.BadEscape")]
    [InlineData("[z-a]", "FeatureRule.PatternError.BadRange")]
    [InlineData(@"(a)\2", "FeatureRule.PatternError.BadReference")]
    public void A_pattern_that_does_not_compile_is_refused_saying_why(string pattern, string expected)
    {
        Assert.Equal([expected], Errors(FeatureRuleKind.Pattern, pattern));
    }

    [Fact]
    public void The_position_of_a_compile_error_is_given()
    {
        var error = Assert.Single(FeatureRuleRules.Validate(FeatureRuleKind.Pattern, "abc(", "rumour", null));
        Assert.Equal(4, error.Arguments[0]);
    }

    [Theory]
    [InlineData(@"(a)\1")]
    [InlineData("(?=a)b")]
    [InlineData("(?<=a)b")]
    [InlineData("(?>a+)b")]
    [InlineData("(?(a)a|b)")]
    public void A_construct_the_linear_engine_cannot_run_is_refused(string pattern)
    {
        Assert.Equal(["FeatureRule.PatternUnsupported"], Errors(FeatureRuleKind.Pattern, pattern));
    }

    [Theory]
    [InlineData("(.*a){20}")]
    [InlineData("(a+b){4}")]
    [InlineData("(.{0,1000}a){50}")]
    [InlineData("a{1001}")]
    [InlineData("(ab{10}){100}")]
    public void A_pattern_too_large_to_run_quickly_is_refused(string pattern)
    {
        Assert.Equal(["FeatureRule.PatternTooLarge"], Errors(FeatureRuleKind.Pattern, pattern));
    }

    [Theory]
    [InlineData(@"深度伪造.{0,10}视频")]
    [InlineData(@"\b(face ?swap|deep ?fake)\b")]
    [InlineData(@"1[3-9]\d{9}")]
    [InlineData(@"\d{17}[\dXx]")]
    [InlineData("(.*a){3}")]
    [InlineData("(?<name>换脸){2}")]
    [InlineData("[{}]{5}")]
    public void An_ordinary_pattern_is_accepted(string pattern)
    {
        Assert.Empty(Errors(FeatureRuleKind.Pattern, pattern));
    }

    [Fact]
    public void A_pattern_that_matches_empty_text_would_flag_everything_and_is_refused()
    {
        Assert.Equal(["FeatureRule.PatternMatchesEmpty"], Errors(FeatureRuleKind.Pattern, "换脸|"));
    }

    [Theory]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")] // 63
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555")] // 65
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")] // not hex
    public void A_content_hash_must_be_64_hexadecimal_characters(string hash)
    {
        Assert.Equal(["FeatureRule.BadHash"], Errors(FeatureRuleKind.ContentHash, hash));
    }

    [Fact]
    public void A_hash_is_kept_in_lower_case_and_a_keyword_in_the_form_the_matcher_compares()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            FeatureRuleRules.StoredValue(FeatureRuleKind.ContentHash, " E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 "));
        Assert.Equal("deepfake视频", FeatureRuleRules.StoredValue(FeatureRuleKind.Keyword, "  ＤｅｅｐＦａｋｅ视频 "));
        Assert.Equal(" (?i)x ", FeatureRuleRules.StoredValue(FeatureRuleKind.Pattern, " (?i)x "));
    }

    [Fact]
    public void Empty_too_long_and_multi_line_keywords_are_refused()
    {
        Assert.Equal(["FeatureRule.ValueRequired"], Errors(FeatureRuleKind.Keyword, "   "));
        Assert.Equal(["FeatureRule.ValueTooLong"], Errors(FeatureRuleKind.Keyword, new string('伪', FeatureRuleRules.MaxKeywordLength + 1)));
        Assert.Equal(["FeatureRule.ControlCharacters"], Errors(FeatureRuleKind.Keyword, "换\n脸"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no_such_reason")]
    [InlineData("compliant")] // not a violation: a rule flags only for a reason that is one
    public void A_rule_needs_a_known_violation_reason(string reason)
    {
        Assert.Equal(["FeatureRule.UnknownReason"], Errors(FeatureRuleKind.Keyword, "换脸", reason));
    }
}
