using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Tests.Identifiers;

public class FreeTextMaskingTests
{
    [Theory]
    [InlineData("身份证号440304199001011233，请核实", "身份证号440304********1233，请核实")]
    [InlineData("ID 11010519491231002X.", "ID 110105********002X.")]
    [InlineData("证件 11010519491231002x 已提交", "证件 110105********002x 已提交")]
    [InlineData("身份证１１０１０５１９４９１２３１００２Ｘ", "身份证１１０１０５********００２Ｘ")]
    public void Resident_id_numbers_that_pass_their_check_character_are_masked_like_the_ledger(string text, string masked) =>
        Assert.Equal(masked, FreeTextMasking.Mask(text));

    [Theory]
    [InlineData("身份证号440304199001011234，请核实")]
    [InlineData("订单号 4403041990010112331234567 已退款")]
    [InlineData("流水 1440304199001011233")]
    public void Numbers_that_are_not_an_id_stay_as_written(string text) => Assert.Equal(text, FreeTextMasking.Mask(text));

    [Fact]
    public void Credit_codes_that_pass_their_check_character_are_masked_and_others_are_not()
    {
        Assert.Equal("举报单位 9111**********456G 冒用", FreeTextMasking.Mask("举报单位 91110108MA0123456G 冒用"));
        Assert.Equal("代码 9135**********0y43", FreeTextMasking.Mask("代码 91350100m000100y43"));
        Assert.Equal("代码 91110108MA01234567", FreeTextMasking.Mask("代码 91110108MA01234567"));
    }

    [Theory]
    [InlineData("电话13800138000", "电话138****8000")]
    [InlineData("电话 138 0013 8000 联系", "电话 138****8000 联系")]
    [InlineData("电话：138-0013-8000", "电话：138****8000")]
    [InlineData("+86 138 0013 8000", "138****8000")]
    [InlineData("+86-13800138000。", "138****8000。")]
    [InlineData("8613800138000", "138****8000")]
    [InlineData("1386 13800138000", "1386 138****8000")]
    [InlineData("手机：１３８００１３８０００", "手机：138****8000")]
    [InlineData("＋８６ １３８ ００１３ ８０００", "138****8000")]
    public void Mobile_numbers_as_people_type_them_are_masked(string text, string masked) => Assert.Equal(masked, FreeTextMasking.Mask(text));

    [Theory]
    [InlineData("订单号1380013800012345678901234")]
    [InlineData("金额 12800138000 元")]
    [InlineData("编号 213800138000")]
    public void Digits_inside_a_longer_number_or_not_a_mobile_stay(string text) => Assert.Equal(text, FreeTextMasking.Mask(text));

    [Fact]
    public void E_mail_addresses_keep_their_first_letter_and_domain() =>
        Assert.Equal("请回复 z***@example.cn 或 1***@qq.com", FreeTextMasking.Mask("请回复 zhang.san@example.cn 或 13800138000@qq.com"));

    [Fact]
    public void Mixed_chinese_text_masks_every_identifier_and_keeps_the_rest()
    {
        const string complaint = "我是张三，身份证11010519491231002X，手机138 0013 8000，邮箱zs@example.cn，视频冒用我的脸，订单号20261105000000000000123。";
        Assert.Equal("我是张三，身份证110105********002X，手机138****8000，邮箱z***@example.cn，视频冒用我的脸，订单号20261105000000000000123。",
            FreeTextMasking.Mask(complaint));
    }

    [Fact]
    public void Text_is_shown_as_written_to_whoever_may_see_personal_data()
    {
        Assert.Equal("手机13800138000", FreeTextMasking.For("手机13800138000", revealed: true));
        Assert.Equal("手机138****8000", FreeTextMasking.For("手机13800138000", revealed: false));
        Assert.Null(FreeTextMasking.For(null, revealed: false));
    }

    [Fact]
    public void A_long_text_of_near_identifiers_is_left_as_written_and_a_real_number_after_it_is_still_masked()
    {
        var hostile = string.Concat(Enumerable.Repeat("1 3-8 0 0-1 3 8 0 0 a@b", 2_000));
        Assert.Equal(hostile + " 手机138****8000", FreeTextMasking.Mask(hostile + " 手机13800138000"));
    }

    /// <summary>
    /// What keeps a hostile text from taking long: every pattern runs on the linear-time engine. How long masking takes is
    /// the benchmark command's business, not a test's.
    /// </summary>
    [Fact]
    public void Every_pattern_masking_uses_runs_on_the_linear_time_engine()
    {
        var patterns = typeof(FreeTextMasking).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(System.Text.RegularExpressions.Regex))
            .Select(f => (f.Name, Options: ((System.Text.RegularExpressions.Regex)f.GetValue(null)!).Options)).ToList();
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.True(p.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking), p.Name));
    }
}
