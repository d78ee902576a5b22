using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.Media;

public sealed record AllowedMediaHostRow(long Id, string Host, DateTime AddedAtUtc, string AddedByName);

/// <summary>The hosts an Administrator allows the console to fetch items' media from, to read their labels (<see cref="MediaReadService"/>).</summary>
public sealed class AllowedMediaHostsService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<AllowedMediaHostRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SettingsPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AllowedMediaHosts.AsNoTracking().OrderBy(h => h.Host)
            .Select(h => new AllowedMediaHostRow(h.Id, h.Host, h.AddedAtUtc, h.AddedByName)).ToListAsync(cancellationToken);
    }

    public async Task<Result> AddAsync(string? host, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(SettingsPermissions.Manage);
        var (normalized, error) = AllowedMediaHostRules.Normalize(host);
        if (error is not null) return Result.Invalid([error]);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.AllowedMediaHosts.AnyAsync(h => h.Host == normalized, cancellationToken)) return Duplicate(normalized!);
        var row = new AllowedMediaHost { Host = normalized!, AddedAtUtc = clock.GetUtcNow().UtcDateTime, AddedByName = actor.ShownName };
        db.AllowedMediaHosts.Add(row);
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.MediaHostAllowed, nameof(AllowedMediaHost), null, new { host = row.Host }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another Administrator added the same host a moment before: the unique index refused this one.
            return Duplicate(normalized!);
        }
        return Result.Ok;
    }

    public async Task<Result> RemoveAsync(long id, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(SettingsPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.AllowedMediaHosts.FindAsync([id], cancellationToken) is not { } row) return Result.Refused("MediaHosts.Gone");
        db.AllowedMediaHosts.Remove(row);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.MediaHostRemoved, nameof(AllowedMediaHost), id.ToString(), new { host = row.Host }, cancellationToken);
        return Result.Ok;
    }

    private static Result Duplicate(string host) => Result.Invalid([new FieldError("Host", "MediaHosts.Duplicate", host)]);
}
