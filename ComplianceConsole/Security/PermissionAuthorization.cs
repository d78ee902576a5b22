using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ComplianceConsole.Security;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Grants a permission when one of the signed-in person's roles grants it.</summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value);
            // Permission claims count only on identities an API key authenticated, never on staff sign-ins.
            var granted = RolePermissions.Grants(roles, requirement.Permission)
                || user.Identities.Any(i => i.AuthenticationType == PermissionClaims.ApiKeyScheme && i.HasClaim(PermissionClaims.Type, requirement.Permission));
            if (granted) context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Callers that are not staff (API keys) carry the permissions they were granted as claims of this type.</summary>
public static class PermissionClaims
{
    public const string Type = "permission";
    public const string ApiKeyScheme = "ApiKey";
}

public static class PermissionAuthorizationExtensions
{
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder().AddPolicies();
        services.AddScoped<CurrentUser>();
        services.AddScoped<PermissionGuard>();
        return services;
    }

    private static void AddPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in RolePermissions.All)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        }
    }
}
