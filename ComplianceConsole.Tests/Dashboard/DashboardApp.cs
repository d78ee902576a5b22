using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Exports.Sources;

namespace ComplianceConsole.Tests.Dashboard;

/// <summary>
/// November's review cases (<see cref="NovemberRegistersApp"/>) and four verifications, seen on Monday 30 Nov 2026 at noon (CST): two still
/// pending (submitted on 28 Nov at noon and 20 Nov), one verified and one rejected on 29 Nov.
/// </summary>
public sealed class DashboardApp : NovemberRegistersApp
{
    public const string Verifier = "dashboard.verifier@example.cn";
    public const string Auditor = "dashboard.auditor@example.cn";

    public static readonly DateTime Monday30Noon = new(2026, 11, 30, 12, 0, 0);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        SetCst(Monday30Noon);
        await SubmitAsync("dash-1", "11010519491231002X", "李雷", Utc(11, 28, 12));
        await SubmitAsync("dash-2", "13812341234", "韩梅梅", Utc(11, 20, 9));
        var verified = await SubmitAsync("dash-3", "13900001234", "张三", Utc(11, 29, 8));
        var rejected = await SubmitAsync("dash-4", "13700001234", "李四", Utc(11, 29, 9));
        SetCst(new DateTime(2026, 11, 29, 10, 0, 0));
        await DecideVerificationAsync(verified, VerificationAction.Verify);
        SetCst(new DateTime(2026, 11, 29, 23, 30, 0));
        await DecideVerificationAsync(rejected, VerificationAction.Reject, "other");
        SetCst(Monday30Noon);
    }

    private async Task<long> SubmitAsync(string user, string identifier, string name, DateTime submittedAtUtc)
    {
        var method = identifier.Length == 11 ? VerificationMethod.MobileNumber : VerificationMethod.ResidentIdCard;
        Assert.Equal(SubmissionOutcome.Created, await App.SubmitDirectlyAsync(new VerificationSubmission(user, null, null, method, identifier, name, submittedAtUtc)));
        await using var scope = App.As(Verifier);
        var page = await scope.Get<VerificationQueryService>().GetPageAsync(new VerificationPageRequest(new VerificationFilter { Search = user }, VerificationSort.SubmittedNewest, 5));
        return page.Items.Single().Id;
    }

    private async Task DecideVerificationAsync(long id, VerificationAction action, string? reason = null)
    {
        await using var scope = App.As(Verifier);
        var version = (await scope.Get<VerificationQueryService>().GetDetailAsync(id))!.Record.Version;
        var saved = await scope.Get<VerificationDecisionService>().DecideAsync(id, (int)version, new DecisionRequest(action, reason, reason is null ? null : "证件照片模糊"));
        Assert.True(saved.Succeeded, saved.ToString());
    }
}
