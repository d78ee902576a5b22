using Bunit;
using ComplianceConsole.Components.Layout;
using ComplianceConsole.Security;

namespace ComplianceConsole.Tests.Shell;

public class NavMenuTests : ShellTestContext
{
    private IReadOnlyList<string> LinksFor(params string[] roles)
    {
        SignInWithRoles(roles);
        var menu = Render<NavMenu>();
        return menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
    }

    [Fact]
    public void A_verifier_sees_home_the_verification_records_and_their_jobs_only()
    {
        Assert.Equal(["", "verification", "verification/duplicates", "jobs"], LinksFor(Roles.Verifier));
    }

    [Fact]
    public void An_administrator_sees_staff_keys_and_settings_but_not_the_audit_log_or_records()
    {
        Assert.Equal(["", "jobs", "staff", "api-keys", "webhooks", "settings"], LinksFor(Roles.Administrator));
    }

    [Fact]
    public void An_auditor_sees_the_audit_log()
    {
        Assert.Equal(["", "dashboard", "verification", "verification/duplicates", "review", "review/find", "jobs", "registry", "exports", "exports/history", "exports/verify", "audit"], LinksFor(Roles.Auditor));
    }

    [Fact]
    public void Several_roles_see_everything_any_of_them_allows()
    {
        Assert.Equal(["", "dashboard", "verification", "verification/duplicates", "review", "review/find", "jobs", "registry", "exports", "exports/history", "exports/verify", "audit", "staff", "api-keys", "webhooks", "settings"], LinksFor(Roles.Auditor, Roles.Administrator));
    }

    [Fact]
    public void Labels_are_in_chinese_by_default()
    {
        SignInWithRoles(Roles.Administrator);
        var text = Render<NavMenu>().Markup;
        Assert.Contains("员工管理", text);
        Assert.Contains("服务提供者设置", text);
    }

    private static readonly string[] ReviewConfiguration = ["review/library", "review/time-limits", "review/calendar"];

    [Fact]
    public void A_manager_sees_the_feature_library_time_limits_and_calendar()
    {
        Assert.Superset(ReviewConfiguration.ToHashSet(), LinksFor(Roles.Manager).ToHashSet());
    }

    [Fact]
    public void Reviewers_auditors_and_administrators_do_not_see_the_review_configuration()
    {
        Assert.Empty(LinksFor(Roles.Reviewer, Roles.Auditor, Roles.Administrator).Intersect(ReviewConfiguration));
    }
}
