using System.Net;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Staff;

public sealed class StaffServiceTests : SetUpAppTest
{

    private async Task<string> AdminIdAsync()
    {
        await using var scope = App.As(TestApp.AdminEmail);
        var page = await scope.Get<StaffService>().ListAsync(new StaffQuery(TestApp.AdminEmail, 0, 10));
        return page.Items.Single().Id;
    }

    private async Task<T> AsAdmin<T>(Func<StaffService, Task<T>> action)
    {
        await using var scope = App.As(TestApp.AdminEmail);
        return await action(scope.Get<StaffService>());
    }

    [Fact]
    public async Task A_password_longer_than_the_limit_is_refused_whole_and_the_link_still_works()
    {
        var created = await AsAdmin(s => s.CreateAsync(new NewStaffForm { Email = "long.pass@example.cn", DisplayName = "长密码", Roles = [Roles.Auditor] }));
        var client = App.CreateBrowserlikeClient();
        await client.GetAsync("/" + created.Value);
        var tooLong = "Good-Pass-7" + new string('x', 130); // 141 characters: the browser no longer cuts it to 128 unseen
        var refused = await Forms.PostAsync(client, "/" + created.Value, "reset-password", new()
        {
            ["Input.Password"] = tooLong, ["Input.ConfirmPassword"] = tooLong,
        });
        Assert.Contains("密码超出 13 个字符（最多 128 个），未作修改。", await Forms.TextAsync(refused));

        var set = await Forms.PostAsync(client, "/" + created.Value, "reset-password", new()
        {
            ["Input.Password"] = "Another-Good-Pass-7", ["Input.ConfirmPassword"] = "Another-Good-Pass-7",
        });
        Assert.EndsWith("Account/ResetPasswordConfirmation", set.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_new_staff_member_gets_roles_and_a_one_time_link_with_which_they_set_a_password_and_sign_in()
    {
        var created = await AsAdmin(s => s.CreateAsync(new NewStaffForm { Email = "li.na@example.cn", DisplayName = "李娜", Roles = [Roles.Verifier, Roles.Reviewer] }));
        Assert.True(created.Succeeded);
        Assert.StartsWith("Account/ResetPassword?user=", created.Value);

        var client = App.CreateBrowserlikeClient();
        var form = await Forms.TextAsync(await client.GetAsync("/" + created.Value));
        Assert.Contains("李娜", form); // the link names the person: nobody types an e-mail address
        Assert.Contains("li.na@example.cn", form);
        var set = await Forms.PostAsync(client, "/" + created.Value, "reset-password", new()
        {
            ["Input.Password"] = "Another-Good-Pass-7", ["Input.ConfirmPassword"] = "Another-Good-Pass-7",
        });
        Assert.EndsWith("Account/ResetPasswordConfirmation", set.Headers.Location?.OriginalString);
        await App.SignInAsync("li.na@example.cn", "Another-Good-Pass-7");

        var reused = await App.CreateBrowserlikeClient().GetAsync("/" + created.Value);
        Assert.EndsWith("Account/InvalidPasswordReset", reused.Headers.Location?.OriginalString);

        var listed = await AsAdmin(s => s.ListAsync(new StaffQuery("李娜", 0, 10)));
        Assert.Equal([Roles.Reviewer, Roles.Verifier], listed.Items.Single().Roles);
    }

    [Fact]
    public async Task A_set_password_link_that_fails_says_why_and_never_claims_the_password_was_set()
    {
        var created = await AsAdmin(s => s.CreateAsync(new NewStaffForm { Email = "wang.fang@example.cn", DisplayName = "王芳", Roles = [Roles.Auditor] }));
        var link = "/" + created.Value!;
        var client = App.CreateBrowserlikeClient();

        async Task<string> SubmitAsync(string url, string password, string confirmation)
        {
            var response = await Forms.PostAsync(client, url, "reset-password", new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirmation });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("alert-danger", html); // shown as an error, not as success
            return await Forms.TextAsync(response);
        }

        Assert.Contains("两次输入的密码不一致", await SubmitAsync(link, "Another-Good-Pass-7", "Another-Good-Pass-8"));
        Assert.Contains("至少", await SubmitAsync(link, "short", "short"));
        var otherPerson = await App.CreateStaffAsync("someone.else@example.cn", Roles.Auditor);
        var forged = System.Text.RegularExpressions.Regex.Replace(link, "user=[^&]+", "user=" + otherPerson);

        // A link without a person or code, naming nobody, with a made-up code or another person's code, is refused outright.
        foreach (var broken in new[] { link.Split('&')[0], System.Text.RegularExpressions.Regex.Replace(link, "user=[^&]+", "user=nobody"), link.Replace("code=", "code=AAAA"), forged })
        {
            var response = await client.GetAsync(broken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.EndsWith("Account/InvalidPasswordReset", response.Headers.Location!.OriginalString);
        }

        // Nothing was set by the failures: the link still works once.
        var set = await Forms.PostAsync(client, link, "reset-password", new() { ["Input.Password"] = "Another-Good-Pass-7", ["Input.ConfirmPassword"] = "Another-Good-Pass-7" });
        Assert.EndsWith("Account/ResetPasswordConfirmation", set.Headers.Location?.OriginalString);
        await App.SignInAsync("wang.fang@example.cn", "Another-Good-Pass-7");
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_creates_nobody()
    {
        var created = await AsAdmin(s => s.CreateAsync(new NewStaffForm { Email = "not-an-email", DisplayName = " ", Roles = ["Superuser"] }));
        Assert.Equal(ResultOutcome.Invalid, created.Outcome);
        Assert.Equal(["DisplayName", "Email", "Roles"], created.Errors.Select(e => e.Field).Order());
        Assert.Equal(1, (await AsAdmin(s => s.ListAsync(new StaffQuery(null, 0, 10)))).TotalCount);
    }

    [Fact]
    public async Task A_duplicate_email_is_refused()
    {
        var created = await AsAdmin(s => s.CreateAsync(new NewStaffForm { Email = TestApp.AdminEmail, DisplayName = "重复", Roles = [Roles.Auditor] }));
        Assert.Equal(ResultOutcome.Invalid, created.Outcome);
        Assert.Contains(created.Errors, e => e.Field == "Email");
    }

    [Fact]
    public async Task The_last_administrator_cannot_lose_the_role_or_disable_themself()
    {
        var adminId = await AdminIdAsync();
        var demoted = await AsAdmin(s => s.SetRolesAsync(adminId, [Roles.Auditor]));
        Assert.Equal("Staff.LastAdministrator", demoted.RefusalKey);
        var disabled = await AsAdmin(s => s.SetDisabledAsync(adminId, true));
        Assert.Equal("Staff.CannotDisableSelf", disabled.RefusalKey);
    }

    [Fact]
    public async Task The_list_marks_the_administrator_themself_so_disabling_oneself_is_not_offered()
    {
        await App.CreateStaffAsync("colleague@example.cn", Roles.Auditor);
        var rows = (await AsAdmin(s => s.ListAsync(new StaffQuery(null, 0, 10)))).Items;
        Assert.True(rows.Single(r => r.Email == TestApp.AdminEmail).IsYou);
        Assert.False(rows.Single(r => r.Email == "colleague@example.cn").IsYou);
    }

    [Fact]
    public async Task Overlong_input_is_refused_by_field_with_a_length_message()
    {
        var created = await AsAdmin(s => s.CreateAsync(new NewStaffForm
        {
            Email = new string('a', 300) + "@example.cn", DisplayName = new string('长', 10_000), Roles = [Roles.Auditor],
        }));
        Assert.Equal(ResultOutcome.Invalid, created.Outcome);
        Assert.Equal(["DisplayName", "Email"], created.Errors.Select(e => e.Field).Order());
        Assert.All(created.Errors, e => Assert.Equal("Validation.TooLong", e.MessageKey));
    }

    [Fact]
    public async Task With_a_second_administrator_the_first_may_step_down()
    {
        var adminId = await AdminIdAsync();
        await App.CreateStaffAsync("second.admin@example.cn", Roles.Administrator);
        var demoted = await AsAdmin(s => s.SetRolesAsync(adminId, [Roles.Auditor]));
        Assert.True(demoted.Succeeded);
    }

    [Fact]
    public async Task A_disabled_person_cannot_sign_in_and_the_change_is_audited()
    {
        var verifierId = await App.CreateStaffAsync("gone@example.cn", Roles.Verifier);
        Assert.True((await AsAdmin(s => s.SetDisabledAsync(verifierId, true))).Succeeded);

        var response = await Forms.PostAsync(App.CreateBrowserlikeClient(), "/Account/Login", "login",
            new() { ["Input.Email"] = "gone@example.cn", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // stays on the sign-in page

        await using var db = await App.Services.ReadContextAsync();
        var disabledEvent = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.StaffDisabled);
        Assert.Equal(TestApp.AdminEmail, disabledEvent.ActorName);
        Assert.Equal(verifierId, disabledEvent.TargetId);
    }

    [Fact]
    public async Task A_locked_out_person_is_unlocked_by_an_administrator()
    {
        await App.CreateStaffAsync("locked@example.cn", Roles.Verifier);
        var client = App.CreateBrowserlikeClient();
        for (var i = 0; i < StaffIdentity.MaxFailedSignIns; i++)
        {
            await Forms.PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = "locked@example.cn", ["Input.Password"] = "Wrong-Password-1" });
        }
        var row = (await AsAdmin(s => s.ListAsync(new StaffQuery("locked@", 0, 10)))).Items.Single();
        Assert.True(row.IsLockedOut);

        Assert.True((await AsAdmin(s => s.UnlockAsync(row.Id))).Succeeded);
        await App.SignInAsync("locked@example.cn");
    }

    [Fact]
    public async Task Someone_without_the_permission_is_refused_by_the_service_itself()
    {
        await App.CreateStaffAsync("auditor@example.cn", Roles.Auditor);
        await using var scope = App.As("auditor@example.cn");
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            scope.Get<StaffService>().CreateAsync(new NewStaffForm { Email = "x@example.cn", DisplayName = "X", Roles = [Roles.Administrator] }));
    }
}
