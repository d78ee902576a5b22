using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>A platform user as a submission names it: the platform's id, a display name (empty: keep the stored one) and kind.</summary>
internal sealed record NamedPlatformUser(string ExternalId, string DisplayName, PlatformUserKind Kind);

/// <summary>The platform users a batch names (verifications, content authors), found with one query and created or renamed as needed.</summary>
internal static class PlatformUserBatch
{
    /// <summary>The batch's platform users that exist already, by external id.</summary>
    public static Task<Dictionary<string, (long Id, string DisplayName)>> FindAsync(AppDbContext db, IReadOnlyCollection<string> externalIds,
        CancellationToken cancellationToken)
    {
        var ids = externalIds.Distinct().ToList();
        return db.PlatformUsers().AsNoTracking().Where(u => EF.Parameter(ids).Contains(u.ExternalId))
            .ToDictionaryAsync(u => u.ExternalId, u => (u.Id, u.DisplayName), cancellationToken);
    }

    /// <summary>The ids of the batch's platform users by external id: existing ones (renamed if the batch names them anew) and new ones.</summary>
    public static async Task<Dictionary<string, long>> ResolveAsync(AppDbContext db, IReadOnlyList<NamedPlatformUser> users, DateTime now,
        CancellationToken cancellationToken) =>
        await ResolveAsync(db, await FindAsync(db, users.Select(u => u.ExternalId).ToList(), cancellationToken), users, now, cancellationToken);

    /// <summary>As above, with the existing users already found by <see cref="FindAsync"/>; the new users are written before it returns.</summary>
    public static async Task<Dictionary<string, long>> ResolveAsync(AppDbContext db, Dictionary<string, (long Id, string DisplayName)> known,
        IReadOnlyList<NamedPlatformUser> users, DateTime now, CancellationToken cancellationToken)
    {
        var writer = PlatformUserWriter.Create(db);
        writer.ExpectNew(users.Select(u => u.ExternalId).Where(id => !known.ContainsKey(id)).Distinct().Count());
        foreach (var named in users)
        {
            if (!known.TryGetValue(named.ExternalId, out var user))
            {
                var created = new PlatformUser { ExternalId = named.ExternalId, CreatedAtUtc = now, Kind = named.Kind, DisplayName = named.DisplayName };
                known[named.ExternalId] = (await writer.InsertAsync(created, cancellationToken), named.DisplayName);
            }
            else if (named.DisplayName.Length > 0 && user.DisplayName != named.DisplayName)
            {
                await writer.RenameAsync(user.Id, named.DisplayName, cancellationToken);
                known[named.ExternalId] = (user.Id, named.DisplayName);
            }
        }
        await writer.FlushAsync(cancellationToken);
        return known.ToDictionary(u => u.Key, u => u.Value.Id);
    }
}
