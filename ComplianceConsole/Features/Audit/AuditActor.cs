using System.Security.Claims;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Audit;

/// <summary>Who an audit event is attributed to: the account's sign-in name, and the name colleagues know them by.</summary>
public sealed record AuditActor(string? Id, string Name, string? IpAddress = null)
{
    public static readonly AuditActor System = new(null, "system");

    /// <summary>How an API key's calls are attributed: its id is this and the key's prefix, so a staff member's id never starts with it.</summary>
    public const string ApiKeyIdPrefix = "apikey:";

    /// <summary>The staff member's display name when they have one; the audit log keeps <see cref="Name"/>, which is unique.</summary>
    public string? DisplayName { get; init; }

    /// <summary>How records colleagues read name this person (decided by, claimed by, recorded by): never an e-mail address when a name exists.</summary>
    public string ShownName => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName;

    public static AuditActor From(ClaimsPrincipal user, string? ipAddress = null) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "anonymous", ipAddress)
        {
            DisplayName = user.FindFirstValue(StaffClaimsPrincipalFactory.DisplayNameClaim),
        };
}
