using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The compiled feature library every ingestion uses. A change to any rule (its time of update, or the rule count)
/// makes the next caller rebuild it, on this instance or another, so an edit takes effect for new items at once.
/// </summary>
public sealed class FeatureLibrary(IDbContextFactory<AppDbContext> contextFactory)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private sealed record Snapshot(int Count, DateTime? LastUpdate, FeatureMatcher Matcher);

    private volatile Snapshot _current = new(0, null, FeatureMatcher.Empty);

    public async Task<FeatureMatcher> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mark = await ChangeMarkAsync(db, cancellationToken);
        var current = _current;
        if (mark == (current.Count, current.LastUpdate)) return current.Matcher;
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            mark = await ChangeMarkAsync(db, cancellationToken);
            if (mark != (_current.Count, _current.LastUpdate))
            {
                var rules = await db.FeatureRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
                _current = new Snapshot(mark.Count, mark.LastUpdate, new FeatureMatcher(rules));
            }
            return _current.Matcher;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private static async Task<(int Count, DateTime? LastUpdate)> ChangeMarkAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var count = await db.FeatureRules.CountAsync(cancellationToken);
        var last = await db.FeatureRules.OrderByDescending(r => r.UpdatedAtUtc).Select(r => (DateTime?)r.UpdatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return (count, last);
    }
}
