using System.Security.Claims;

namespace ComplianceConsole.Features.Audit;

/// <summary>Who an audit event is attributed to.</summary>
public sealed record AuditActor(string? Id, string Name, string? IpAddress = null)
{
    public static readonly AuditActor System = new(null, "system");

    public static AuditActor From(ClaimsPrincipal user, string? ipAddress = null) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "anonymous", ipAddress);
}
