using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Tests.Identifiers;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("11010519491231002X")] // the example in GB 11643, check digit X
    [InlineData("440524188001010014")]
    [InlineData("110101199003071233")]
    [InlineData("31011519851201123X")]
    [InlineData("510108200002291239")] // 29 February in a leap year
    public void Valid_numbers_pass(string number) => Assert.Null(ResidentIdNumber.Validate(number, Today));

    [Theory]
    [InlineData("", ResidentIdNumberError.Empty)]
    [InlineData("11010519491231002", ResidentIdNumberError.WrongLength)]
    [InlineData("1101051949123100XX", ResidentIdNumberError.InvalidCharacter)]
    [InlineData("99010519491231002X", ResidentIdNumberError.UnknownProvince)]
    [InlineData("110101199002301235", ResidentIdNumberError.InvalidBirthDate)] // 30 February
    [InlineData("510108200102291230", ResidentIdNumberError.InvalidBirthDate)] // 29 February, not a leap year
    [InlineData("110101203001011236", ResidentIdNumberError.BirthDateInFuture)]
    [InlineData("110101199003077733", ResidentIdNumberError.WrongCheckDigit)]
    [InlineData("110105194912310021", ResidentIdNumberError.WrongCheckDigit)]
    public void Invalid_numbers_say_why(string number, ResidentIdNumberError expected) =>
        Assert.Equal(expected, ResidentIdNumber.Validate(number, Today));

    [Fact]
    public void A_full_width_number_with_a_lower_case_x_and_spaces_is_normalised_first()
    {
        var normalized = IdentifierText.Normalize("１１０１０５ １９４９１２３１ ００２ｘ");
        Assert.Equal("11010519491231002X", normalized);
        Assert.Null(ResidentIdNumber.Validate(normalized, Today));
    }
}
