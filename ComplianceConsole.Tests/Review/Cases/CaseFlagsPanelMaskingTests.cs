using Bunit;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Shell;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.Cases;

/// <summary>On the case page, a complaint that quotes identifiers shows them masked to staff who may not see personal data, as written to those who may.</summary>
public sealed class CaseFlagsPanelMaskingTests : ShellTestContext
{
    private const string Complaint = "我是张三，身份证11010519491231002X，手机138 0013 8000，邮箱zhang.san@example.cn";
    private const string Masked = "我是张三，身份证110105********002X，手机138****8000，邮箱z***@example.cn";

    public CaseFlagsPanelMaskingTests() => Services.AddSingleton(TimeProvider.System);

    private IRenderedComponent<CaseFlagsPanel> Render()
    {
        var received = new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc);
        CaseFlag[] flags =
        [
            new(1, FlagSource.UserComplaint, null, Complaint, null, "api:platform", received, received.AddDays(2), "138****8000",
                new CaseFeedback("已回电 13800138000", received.AddDays(1), false, "reviewer")),
            new(2, FlagSource.FeatureLibrary, "fraud_impersonation", null, "13800138000", "system", received, received.AddDays(1), null, null),
        ];
        return Render<CaseFlagsPanel>(p => p.Add(c => c.Flags, flags).Add(c => c.Decided, true));
    }

    [Fact]
    public void An_auditor_without_pii_reveal_sees_the_complaint_matched_text_and_answer_masked()
    {
        SignInWithRoles(Roles.Auditor);
        var panel = Render();

        panel.WaitForAssertion(() => Assert.Contains(Masked, panel.Find("#flag-1").TextContent));
        var text = panel.Find("#case-flags").TextContent;
        Assert.DoesNotContain("11010519491231002X", text);
        Assert.DoesNotContain("13800138000", text);
        Assert.DoesNotContain("zhang.san", text);
        Assert.Contains("已回电 138****8000", text);
    }

    [Fact]
    public void A_manager_with_pii_reveal_sees_the_complaint_as_written()
    {
        SignInWithRoles(Roles.Manager);
        var panel = Render();

        panel.WaitForAssertion(() => Assert.Contains(Complaint, panel.Find("#flag-1").TextContent));
        Assert.Contains("13800138000", panel.Find("#flag-2").TextContent);
    }
}
