using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Tests.Identifiers;

public class MobileAndTokenTests
{
    [Theory]
    [InlineData("13812341234", "13812341234")]
    [InlineData("+8613812341234", "13812341234")]
    [InlineData("0086-138-1234-1234", "13812341234")]
    [InlineData("１９９ ００００ ００００", "19900000000")]
    public void Mainland_mobile_numbers_are_accepted_in_their_usual_spellings(string typed, string canonical)
    {
        var result = MobileNumber.Canonical(IdentifierText.Normalize(typed));
        Assert.Equal(canonical, result);
        Assert.Null(MobileNumber.Validate(result));
    }

    [Theory]
    [InlineData("12812341234")]
    [InlineData("1381234123")]
    [InlineData("138123412345")]
    [InlineData("1381234123a")]
    [InlineData("+85261234567")]
    public void Other_numbers_are_refused(string typed) =>
        Assert.Equal(MobileNumberError.NotMainlandMobile, MobileNumber.Validate(MobileNumber.Canonical(IdentifierText.Normalize(typed))));

    [Fact]
    public void Online_identity_tokens_are_opaque_but_bounded_and_printable()
    {
        Assert.Null(NationalOnlineIdentityToken.Validate("CTID.v2.eyJhbGciOi-Jq_8="));
        Assert.Equal(NationalOnlineIdentityTokenError.Empty, NationalOnlineIdentityToken.Validate(""));
        Assert.Equal(NationalOnlineIdentityTokenError.TooLong, NationalOnlineIdentityToken.Validate(new string('a', 513)));
        Assert.Equal(NationalOnlineIdentityTokenError.InvalidCharacter, NationalOnlineIdentityToken.Validate("abc def"));
    }
}
