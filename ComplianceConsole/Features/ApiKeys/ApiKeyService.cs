using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.ApiKeys;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAtUtc, string CreatedBy,
    DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc, string? RevokedBy);

/// <summary>API keys for Administrators: create (the key is shown once), list, revoke.</summary>
public sealed class ApiKeyService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, ApiKeyCache keys, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApiKeyPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAtUtc != null).ThenBy(k => k.Name)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedAtUtc, k.CreatedBy, k.LastUsedAtUtc, k.RevokedAtUtc, k.RevokedBy))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<string>> CreateAsync(string name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ApiKeyPermissions.Manage);
        var errors = new List<FieldError>();
        name = name.Trim();
        if (name.Length == 0) errors.Add(new("Name", "Validation.Required"));
        else if (name.Length > MaxNameLength) errors.Add(new("Name", "Validation.TooLong", MaxNameLength));
        if (scopes.Count == 0) errors.Add(new("Scopes", "ApiKeys.ScopeRequired"));
        if (scopes.FirstOrDefault(s => !RolePermissions.ApiScopes.Contains(s)) is { } unknown) errors.Add(new("Scopes", "ApiKeys.UnknownScope", unknown));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAtUtc == null, cancellationToken))
        {
            return Result.Invalid([new("Name", "ApiKeys.NameInUse", name)]);
        }
        var (key, prefix, hash) = ApiKeySecret.Create();
        var apiKey = new ApiKey
        {
            Name = name, Prefix = prefix, SecretHash = hash, Scopes = scopes.Order().ToList(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.ShownName,
        };
        db.ApiKeys.Add(apiKey);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.ApiKeyCreated, "ApiKey", prefix, new { name, scopes = apiKey.Scopes }, cancellationToken);
        return Result<string>.Ok(key);
    }

    public async Task<Result> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ApiKeyPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var apiKey = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (apiKey is null) return Result.Refused("ApiKeys.NotFound");
        if (apiKey.RevokedAtUtc is not null) return Result.Ok;
        apiKey.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        apiKey.RevokedBy = actor.ShownName;
        await audit.SaveWithAuditAsync(db, actor, AuditActions.ApiKeyRevoked, "ApiKey", apiKey.Prefix, new { apiKey.Name }, cancellationToken);
        keys.Forget(apiKey.Prefix);
        return Result.Ok;
    }
}
