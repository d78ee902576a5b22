using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Tests.Identifiers;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")]
    [InlineData("9144030071526726XG")]
    [InlineData("91330100799655058B")]
    [InlineData("91350100M000100Y43")]
    [InlineData("911100001000044477")]
    public void Real_codes_are_valid(string code) => Assert.Null(UnifiedSocialCreditCode.Validate(code));

    [Theory]
    [InlineData("", UnifiedSocialCreditCodeError.Empty)]
    [InlineData("91440300192203821", UnifiedSocialCreditCodeError.WrongLength)]
    [InlineData("9144030019220382167", UnifiedSocialCreditCodeError.WrongLength)]
    [InlineData("91440300192203821I", UnifiedSocialCreditCodeError.InvalidCharacter)]
    [InlineData("9144030O1922038216", UnifiedSocialCreditCodeError.InvalidCharacter)]
    [InlineData("914403001922038217", UnifiedSocialCreditCodeError.WrongCheckCharacter)]
    [InlineData("91310000607216596P", UnifiedSocialCreditCodeError.WrongCheckCharacter)]
    public void Bad_codes_say_what_is_wrong(string code, UnifiedSocialCreditCodeError expected) =>
        Assert.Equal(expected, UnifiedSocialCreditCode.Validate(code));

    [Fact]
    public void Full_width_lower_case_and_spaced_input_is_normalised_before_checking()
    {
        var typed = "９１３３ ０１００ ７９９６ ５５０５ ８ｂ";
        var normalized = IdentifierText.Normalize(typed);
        Assert.Equal("91330100799655058B", normalized);
        Assert.Null(UnifiedSocialCreditCode.Validate(normalized));
    }
}
