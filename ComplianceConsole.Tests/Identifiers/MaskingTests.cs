using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Tests.Identifiers;

public class MaskingTests
{
    [Fact]
    public void Identifiers_keep_only_their_ends() 
    {
        Assert.Equal("110101********123X", Masking.ResidentId("11010119900307123X"));
        Assert.Equal("9135**********5Y43", Masking.CreditCode("91350100M000105Y43"));
        Assert.Equal("138****1234", Masking.Mobile("13812341234"));
        Assert.Equal("CTID****Jq8=", Masking.Token("CTID.v2.eyJhbGciOiJq8="));
        Assert.Equal("********", Masking.Token("shortone"));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("王小明", "王**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("司马光", "司马*")]
    [InlineData("欧阳", "欧*")]
    [InlineData("李", "*")]
    [InlineData("Zhang Wei", "Z********")]
    public void Names_keep_the_surname(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void A_pasted_paragraph_as_a_name_masks_to_a_short_run_of_stars() =>
        Assert.Equal("昵********", Masking.Name(new string('昵', 3_000)));
}
