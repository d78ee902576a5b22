using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Security;

/// <summary>The one place that says which role grants which permission. Code checks permissions, never roles.</summary>
public static class RolePermissions
{
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ByRole = new Dictionary<string, IReadOnlySet<string>>
    {
        [Roles.Verifier] = new HashSet<string>
        {
            JobPermissions.ReadOwn, VerificationPermissions.Read, VerificationPermissions.Decide, VerificationPermissions.Import, PiiPermissions.Reveal,
        },
        [Roles.Reviewer] = new HashSet<string>
        {
            JobPermissions.ReadOwn, ReviewPermissions.Read, ReviewPermissions.Decide, PiiPermissions.Reveal,
        },
        [Roles.Manager] = new HashSet<string>
        {
            JobPermissions.ReadOwn, JobPermissions.ReadAll, AuditPermissions.Read, VerificationPermissions.Read, PiiPermissions.Reveal,
            ReviewPermissions.Read, ReviewPermissions.Decide, ReviewPermissions.Supervise, ReviewPermissions.Configure, ReviewPermissions.BulkDecide,
            ExportPermissions.Create, ExportPermissions.Unmasked, ExportPermissions.Schedule, DashboardPermissions.Read,
            RegistryPermissions.Read, RegistryPermissions.Manage, HashBankPermissions.Manage,
        },
        [Roles.Auditor] = new HashSet<string>
        {
            JobPermissions.ReadOwn, AuditPermissions.Read, VerificationPermissions.Read, ReviewPermissions.Read, ExportPermissions.Create,
            DashboardPermissions.Read, RegistryPermissions.Read,
        },
        [Roles.Administrator] = new HashSet<string>
        {
            JobPermissions.ReadOwn, JobPermissions.ReadAll, StaffPermissions.Manage, SettingsPermissions.Manage, ApiKeyPermissions.Manage,
            WebhookPermissions.Manage,
        },
    };

    /// <summary>Every permission the app knows; each becomes an authorisation policy of the same name.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ApiKeyPermissions.Manage,
        AuditPermissions.Read,
        DashboardPermissions.Read,
        ExportPermissions.Create,
        ExportPermissions.Schedule,
        ExportPermissions.Unmasked,
        ExportPermissions.VerifyFile,
        HashBankPermissions.Manage,
        HashBankPermissions.Submit,
        JobPermissions.ReadAll,
        JobPermissions.ReadOwn,
        PiiPermissions.Reveal,
        RegistryPermissions.CheckConsent,
        RegistryPermissions.Manage,
        RegistryPermissions.Read,
        RegistryPermissions.RecordConsent,
        ReviewPermissions.BulkDecide,
        ReviewPermissions.Configure,
        ReviewPermissions.Decide,
        ReviewPermissions.Read,
        ReviewPermissions.ReadContent,
        ReviewPermissions.SubmitAppeal,
        ReviewPermissions.SubmitContent,
        ReviewPermissions.Supervise,
        SettingsPermissions.Manage,
        StaffPermissions.Manage,
        VerificationPermissions.CheckEligibility,
        VerificationPermissions.Decide,
        VerificationPermissions.Import,
        VerificationPermissions.Read,
        VerificationPermissions.Submit,
        WebhookPermissions.Manage,
    ];

    /// <summary>Permissions an API key may be given (its scopes); no staff role holds them.</summary>
    public static readonly IReadOnlyList<string> ApiScopes =
        [
            VerificationPermissions.Submit, VerificationPermissions.CheckEligibility, ReviewPermissions.SubmitContent, ReviewPermissions.ReadContent,
            ExportPermissions.VerifyFile, ReviewPermissions.SubmitAppeal, RegistryPermissions.RecordConsent, RegistryPermissions.CheckConsent,
            HashBankPermissions.Submit,
        ];

    public static bool Grants(IEnumerable<string> roles, string permission) =>
        roles.Any(role => ByRole.TryGetValue(role, out var granted) && granted.Contains(permission));

    public static IReadOnlySet<string> For(IEnumerable<string> roles) =>
        roles.SelectMany(role => ByRole.TryGetValue(role, out var granted) ? granted : Enumerable.Empty<string>()).ToHashSet();
}
