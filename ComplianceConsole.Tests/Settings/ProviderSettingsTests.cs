using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Settings;

public sealed class ProviderSettingsTests : SetUpAppTest
{

    private async Task<ProviderSettingsForm> FormAsync()
    {
        await using var scope = App.As(TestApp.AdminEmail);
        return await scope.Get<ProviderSettingsService>().GetFormAsync();
    }

    private async Task<Result> SaveAsync(ProviderSettingsForm form)
    {
        await using var scope = App.As(TestApp.AdminEmail);
        return await scope.Get<ProviderSettingsService>().SaveAsync(form);
    }

    [Fact]
    public async Task Valid_settings_are_saved_normalised_and_audited_with_before_and_after()
    {
        var form = await FormAsync();
        form.ProviderName = "深合成科技有限公司";
        form.UnifiedSocialCreditCode = "９１３３０１００７９９６５５０５８ｂ";
        form.LabelingCode = "0011 91330100799655058B 1 ab12";
        Assert.True((await SaveAsync(form)).Succeeded);

        var saved = await FormAsync();
        Assert.Equal("91330100799655058B", saved.UnifiedSocialCreditCode);
        Assert.Equal("001191330100799655058B1AB12", saved.LabelingCode);

        await using var db = await App.Services.ReadContextAsync();
        var changed = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SettingsChanged);
        Assert.Contains("\"before\"", changed.Details);
        Assert.Contains("深合成科技有限公司", changed.Details);
    }

    [Fact]
    public async Task A_wrong_check_character_and_a_missing_name_are_reported_per_field()
    {
        var form = await FormAsync();
        form.UnifiedSocialCreditCode = "91330100799655058C";
        var result = await SaveAsync(form);
        Assert.Equal(ResultOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e is { Field: "UnifiedSocialCreditCode", MessageKey: "UnifiedSocialCreditCode.WrongCheckCharacter" });
        Assert.Contains(result.Errors, e => e is { Field: "ProviderName", MessageKey: "Validation.Required" });
    }

    [Fact]
    public async Task Two_administrators_saving_the_same_version_get_a_conflict_not_a_silent_overwrite()
    {
        var first = await FormAsync();
        var second = await FormAsync();
        first.ProviderName = "甲公司";
        first.UnifiedSocialCreditCode = second.UnifiedSocialCreditCode = "914403001922038216";
        second.ProviderName = "乙公司";
        Assert.True((await SaveAsync(first)).Succeeded);
        Assert.Equal(ResultOutcome.Conflict, (await SaveAsync(second)).Outcome);
        Assert.Equal("甲公司", (await FormAsync()).ProviderName);
    }

    [Fact]
    public async Task Requiring_two_factor_sends_staff_without_it_to_enrol_first()
    {
        var form = await FormAsync();
        form.ProviderName = "深合成科技有限公司";
        form.UnifiedSocialCreditCode = "914403001922038216";
        form.RequireTwoFactor = true;
        Assert.True((await SaveAsync(form)).Succeeded);

        await App.CreateStaffAsync("auditor@example.cn", Roles.Auditor);
        var client = await App.SignInAsync("auditor@example.cn");
        var audit = await client.GetAsync("/audit");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, audit.StatusCode);
        Assert.StartsWith(TwoFactorEnrolmentGate.EnrolPath, audit.Headers.Location?.OriginalString);
        var enrol = await client.GetAsync(audit.Headers.Location);
        Assert.Contains("要求所有员工使用双重验证", await Forms.TextAsync(enrol));
    }
}
