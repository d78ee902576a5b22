using System.Security.Claims;
using ComplianceConsole.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace ComplianceConsole.Security;

public sealed class PermissionDeniedException(string permission)
    : Exception($"The current user lacks the permission '{permission}'.")
{
    public string Permission { get; } = permission;
}

/// <summary>Services call this before they act, so a permission holds even when a page or endpoint forgot it.</summary>
public sealed class PermissionGuard(CurrentUser currentUser, IAuthorizationService authorizationService)
{
    public async Task<ClaimsPrincipal> DemandAsync(string permission)
    {
        var user = await currentUser.GetAsync();
        if (!(await authorizationService.AuthorizeAsync(user, permission)).Succeeded)
        {
            throw new PermissionDeniedException(permission);
        }
        return user;
    }

    public async Task<bool> HasAsync(string permission) =>
        (await authorizationService.AuthorizeAsync(await currentUser.GetAsync(), permission)).Succeeded;

    /// <summary>Demands the permission and returns the actor to record in the audit log.</summary>
    public async Task<AuditActor> DemandActorAsync(string permission) =>
        AuditActor.From(await DemandAsync(permission), currentUser.IpAddress);
}
