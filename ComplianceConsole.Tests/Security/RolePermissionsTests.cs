using System.Reflection;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Security;

namespace ComplianceConsole.Tests.Security;

public class RolePermissionsTests
{
    [Fact]
    public void Administrators_manage_staff_and_settings_but_do_not_read_the_audit_log()
    {
        Assert.True(RolePermissions.Grants([Roles.Administrator], StaffPermissions.Manage));
        Assert.True(RolePermissions.Grants([Roles.Administrator], SettingsPermissions.Manage));
        Assert.False(RolePermissions.Grants([Roles.Administrator], AuditPermissions.Read));
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Manager)]
    public void Auditors_and_managers_read_the_audit_log_and_manage_nothing(string role)
    {
        Assert.True(RolePermissions.Grants([role], AuditPermissions.Read));
        Assert.False(RolePermissions.Grants([role], StaffPermissions.Manage));
        Assert.False(RolePermissions.Grants([role], SettingsPermissions.Manage));
    }

    [Fact]
    public void Several_roles_grant_the_union_of_their_permissions()
    {
        var granted = RolePermissions.For([Roles.Auditor, Roles.Administrator]);
        Assert.Equal([ApiKeyPermissions.Manage, AuditPermissions.Read, ExportPermissions.Create, JobPermissions.ReadAll, JobPermissions.ReadOwn,
            ReviewPermissions.Read, SettingsPermissions.Manage, StaffPermissions.Manage, VerificationPermissions.Read], granted.Order());
    }

    [Fact]
    public void Verifiers_work_records_and_may_reveal_but_auditors_only_read_and_never_reveal()
    {
        Assert.True(RolePermissions.Grants([Roles.Verifier], VerificationPermissions.Decide));
        Assert.True(RolePermissions.Grants([Roles.Verifier], PiiPermissions.Reveal));
        Assert.True(RolePermissions.Grants([Roles.Auditor], VerificationPermissions.Read));
        Assert.False(RolePermissions.Grants([Roles.Auditor], VerificationPermissions.Decide));
        Assert.False(RolePermissions.Grants([Roles.Auditor], PiiPermissions.Reveal));
        Assert.False(RolePermissions.Grants([Roles.Manager], VerificationPermissions.Decide));
    }

    [Fact]
    public void Everyone_sees_their_own_jobs_but_only_managers_and_administrators_see_everyones()
    {
        Assert.All(Roles.All, role => Assert.True(RolePermissions.Grants([role], JobPermissions.ReadOwn)));
        Assert.Equal([Roles.Administrator, Roles.Manager], Roles.All.Where(role => RolePermissions.Grants([role], JobPermissions.ReadAll)).Order());
    }

    [Fact]
    public void Api_scopes_belong_to_no_staff_role()
    {
        Assert.All(RolePermissions.ApiScopes, scope => Assert.False(RolePermissions.Grants(Roles.All, scope)));
    }

    [Fact]
    public void No_role_and_an_unknown_role_grant_nothing()
    {
        Assert.Empty(RolePermissions.For([]));
        Assert.False(RolePermissions.Grants(["Superuser"], StaffPermissions.Manage));
    }

    [Fact]
    public void Every_role_is_mapped()
    {
        Assert.Equal(Roles.All.Order(), RolePermissions.ByRole.Keys.Order());
    }

    [Fact]
    public void Every_permission_constant_in_the_app_is_known_and_so_has_a_policy()
    {
        var declared = typeof(RolePermissions).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Permissions", StringComparison.Ordinal) && t != typeof(RolePermissions))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(), RolePermissions.All.Order());
        Assert.All(RolePermissions.ByRole.Values.SelectMany(p => p), p => Assert.Contains(p, RolePermissions.All));
    }
}
