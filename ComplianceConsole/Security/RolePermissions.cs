using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Features.Staff;

namespace ComplianceConsole.Security;

/// <summary>The one place that says which role grants which permission. Code checks permissions, never roles.</summary>
public static class RolePermissions
{
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ByRole = new Dictionary<string, IReadOnlySet<string>>
    {
        [Roles.Verifier] = new HashSet<string>(),
        [Roles.Reviewer] = new HashSet<string>(),
        [Roles.Manager] = new HashSet<string> { AuditPermissions.Read },
        [Roles.Auditor] = new HashSet<string> { AuditPermissions.Read },
        [Roles.Administrator] = new HashSet<string> { StaffPermissions.Manage, SettingsPermissions.Manage },
    };

    /// <summary>Every permission the app knows; each becomes an authorisation policy of the same name.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        AuditPermissions.Read,
        SettingsPermissions.Manage,
        StaffPermissions.Manage,
    ];

    public static bool Grants(IEnumerable<string> roles, string permission) =>
        roles.Any(role => ByRole.TryGetValue(role, out var granted) && granted.Contains(permission));

    public static IReadOnlySet<string> For(IEnumerable<string> roles) =>
        roles.SelectMany(role => ByRole.TryGetValue(role, out var granted) ? granted : Enumerable.Empty<string>()).ToHashSet();
}
