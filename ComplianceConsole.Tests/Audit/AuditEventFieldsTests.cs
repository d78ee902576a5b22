using Bunit;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Shell;

namespace ComplianceConsole.Tests.Audit;

/// <summary>The audit event's dialog shows each detail as a labelled line a person can read, never raw JSON.</summary>
public class AuditEventFieldsTests : ShellTestContext
{
    public AuditEventFieldsTests() => SignInWithRoles(Roles.Manager);

    private Dictionary<string, string> RowsFor(string? details, string action = AuditActions.VerificationDecided)
    {
        var row = new AuditRow(42, new DateTime(2026, 11, 24, 16, 30, 0, DateTimeKind.Utc), "verifier@example.cn", action,
            "VerificationRecord", "17", details, null);
        var fields = Render<AuditEventFields>(p => p.Add(f => f.Row, row));
        var terms = fields.FindAll("dt").Select(e => e.TextContent.Trim()).ToList();
        var values = fields.FindAll("dd").Select(e => e.TextContent.Trim()).ToList();
        return terms.Zip(values).ToDictionary(x => x.First, x => x.Second);
    }

    [Fact]
    public void A_decision_reads_in_words_with_its_note_unescaped()
    {
        var rows = RowsFor("""{"Action":"Reject","to":"Rejected","ReasonCode":"invalid_document","Note":"\u7167\u7247\u6A21\u7CCA \uD83D\uDE00 \u0022ok\u0022"}""");
        Assert.Equal("驳回", rows["核验操作"]);
        Assert.Equal("已驳回", rows["新状态"]);
        Assert.Equal("证件无效", rows["原因"]);
        Assert.Equal("照片模糊 😀 \"ok\"", rows["备注"]);
        Assert.Equal("实名核验记录 17", rows["对象"]);
        Assert.Equal("2026-11-25 00:30:00", rows["时间"]);
        Assert.Equal("—", rows["IP 地址"]); // an empty field is a dash, not a blank
    }

    [Fact]
    public void Events_written_before_enums_were_named_show_names_not_numbers()
    {
        var rows = RowsFor($$"""{"Action":{{(int)VerificationAction.Verify}},"to":{{(int)VerificationStatus.Verified}},"ReasonCode":null,"Note":null}""");
        Assert.Equal("核验通过", rows["核验操作"]);
        Assert.Equal("已核验", rows["新状态"]);
        Assert.Equal("—", rows["备注"]);
    }

    [Fact]
    public void Nested_details_and_lists_are_flattened_into_labelled_lines()
    {
        var rows = RowsFor("""{"Email":"li.na@example.cn","before":["Auditor"],"after":["Auditor","Verifier"]}""", AuditActions.StaffRolesChanged);
        Assert.Equal("li.na@example.cn", rows["电子邮箱"]);
        Assert.Equal("审计, 实名审核员", rows["修改后"]);

        var settings = RowsFor("""{"before":{"ProviderName":"","RequireTwoFactor":false},"after":{"ProviderName":"深合成科技","RequireTwoFactor":true}}""", AuditActions.SettingsChanged);
        Assert.Equal("深合成科技", settings["修改后 · 服务提供者名称"]);
        Assert.Equal("是", settings["修改后 · 要求双重验证"]);
        Assert.Equal("—", settings["修改前 · 服务提供者名称"]);
    }
}

/// <summary>Details quote what people wrote; a reader who may not see personal data sees the identifiers in them masked.</summary>
public class AuditEventFieldsMaskingTests : ShellTestContext
{
    public AuditEventFieldsMaskingTests() => SignInWithRoles(Roles.Auditor);

    [Fact]
    public void An_auditor_sees_the_identifiers_in_a_note_masked()
    {
        var row = new AuditRow(43, new DateTime(2026, 11, 24, 16, 30, 0, DateTimeKind.Utc), "reviewer@example.cn", AuditActions.ReviewCaseNoted,
            "ReviewCase", "9", """{"note":"投诉人来电 13800138000，身份证 11010519491231002X"}""", null);
        var fields = Render<AuditEventFields>(p => p.Add(f => f.Row, row));
        fields.WaitForAssertion(() => Assert.Contains("投诉人来电 138****8000，身份证 110105********002X", fields.Markup));
        Assert.DoesNotContain("13800138000", fields.Markup);
    }
}
