using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports.Storage;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports;

/// <summary>Removes export files past their retention (the history keeps the entry, marked expired) and files of exports that no longer exist.</summary>
public sealed class ExportHousekeeping(IDbContextFactory<AppDbContext> contextFactory, ExportStorage storage, TimeProvider clock)
{
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.ExportJobs.Where(e => e.ExpiresAtUtc <= now && e.FileRemovedAtUtc == null).OrderBy(e => e.Id).Select(e => e.Id)
            .Take(1_000).ToListAsync(cancellationToken);
        foreach (var id in expired) storage.Delete(id);
        await db.ExportJobs.Where(e => expired.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.FileRemovedAtUtc, now), cancellationToken);
        return expired.Count;
    }
}
