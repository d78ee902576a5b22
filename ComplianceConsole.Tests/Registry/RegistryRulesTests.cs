using ComplianceConsole.Features.Registry;
using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Tests.Registry;

public class RegistryRulesTests
{
    [Theory]
    [InlineData("网信算备110108000000000000001号", null)]
    [InlineData(" 网信算备 １１０１０８００００００００００００００１ 号 ", null)] // pasted with spaces and full-width digits
    [InlineData("", "Validation.Required")]
    [InlineData("网信备110108000000000000001号", "Registry.Filing.WrongPrefix")]
    [InlineData("网信算备110108000000000000001", "Registry.Filing.WrongSuffix")]
    [InlineData("网信算备11010800000000000001号", "Registry.Filing.WrongDigits")] // 20 digits
    [InlineData("网信算备1101080000000000000012号", "Registry.Filing.WrongDigits")] // 22 digits
    [InlineData("网信算备11010800000000000000A号", "Registry.Filing.WrongDigits")]
    public void Filing_numbers_are_网信算备_21_digits_号(string text, string? error) =>
        Assert.Equal(error, FilingNumbers.Validate(FilingNumbers.Normalize(text)));

    private const string CreditCode = "91330100799655058B";

    [Theory]
    [InlineData("001191330100799655058B1AB12", null)]
    [InlineData("0011 91330100799655058b 2 ab12", null)] // normalised: spaces dropped, upper case
    [InlineData("", null)] // not set yet
    [InlineData("001191330100799655058B1AB1", "Registry.LabelingCode.WrongLength")]
    [InlineData("101191330100799655058B1AB12", "Registry.LabelingCode.WrongHead")]
    [InlineData("001191330100799655058C1AB12", "UnifiedSocialCreditCode.WrongCheckCharacter")]
        [InlineData("001191330100799655058B3AB12", "Registry.LabelingCode.WrongServiceType")]
    [InlineData("001191330100799655058B1AB-2", "Registry.LabelingCode.WrongProductCode")]
    public void The_labeling_code_is_0011_the_credit_code_a_service_type_and_a_product_code(string text, string? error) =>
        Assert.Equal(error, LabelingCode.Validate(LabelingCode.Normalize(text), CreditCode)?.Key);

    [Fact]
    public void The_labeling_code_must_carry_the_providers_own_credit_code()
    {
        var other = "0011" + "91110108710936515F" + "1AB12";
        Assert.Null(LabelingCode.Validate(other, ""));
        Assert.Equal("Registry.LabelingCode.OtherCreditCode", LabelingCode.Validate(other, CreditCode)?.Key);
    }

    private static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Until = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2025-12-31T23:59:59", null, ConsentState.NotYetValid)]
    [InlineData("2026-01-01T00:00:00", null, ConsentState.Valid)]
    [InlineData("2026-06-30T23:59:59", null, ConsentState.Valid)]
    [InlineData("2026-07-01T00:00:00", null, ConsentState.Expired)]
    [InlineData("2026-03-01T00:00:00", "2026-02-01T00:00:00", ConsentState.Withdrawn)]
    [InlineData("2026-01-15T00:00:00", "2026-02-01T00:00:00", ConsentState.Valid)] // withdrawn later
    public void A_consent_is_valid_in_its_period_until_it_is_withdrawn(string at, string? withdrawn, ConsentState expected) =>
        Assert.Equal(expected, ConsentValidity.StateAt(BiometricEdit.Face, From, Until, withdrawn is null ? null : Utc(withdrawn), BiometricEdit.Face, Utc(at)));

    [Fact]
    public void A_face_consent_does_not_cover_the_voice_and_face_and_voice_covers_both()
    {
        var at = Utc("2026-03-01T00:00:00");
        Assert.Equal(ConsentState.OtherEdit, ConsentValidity.StateAt(BiometricEdit.Face, From, null, null, BiometricEdit.Voice, at));
        Assert.Equal(ConsentState.Valid, ConsentValidity.StateAt(BiometricEdit.FaceAndVoice, From, null, null, BiometricEdit.Voice, at));
        Assert.Equal(ConsentState.Valid, ConsentValidity.StateAt(BiometricEdit.FaceAndVoice, From, null, null, BiometricEdit.Face, at));
    }

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
