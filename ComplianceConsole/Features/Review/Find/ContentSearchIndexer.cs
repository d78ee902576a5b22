using ComplianceConsole.Common;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Writes the search index (<see cref="ContentSearchIndex"/>) behind ingestion, as the audit chain is linked behind its writers:
/// ingestion queues each item it writes with text (<see cref="PendingSearchItem"/>) and answers; a pass takes up to
/// <see cref="PassSize"/> waiting items, reads their text as it is then, and writes their terms in one transaction, so the index is
/// written in large batches off the platform's call (<see cref="ContentSearchKeeper"/> runs the passes). One pass at a time
/// across instances (<see cref="WriteLock.SearchIndex"/>; on SQLite the one writer). On PostgreSQL a pass reads the text under a
/// share lock and skips items a writer holds: their entries wait for the next pass, so an erasure or a change in flight is never
/// written over with the text it replaces. Find says how far behind the index is (<see cref="LagAsync"/>).
/// </summary>
public sealed class ContentSearchIndexer(IDbContextFactory<AppDbContext> contextFactory, DatabaseWriteGate gate, TimeProvider clock)
{
    internal const int PassSize = 10_000;

    /// <summary>Set after a commit that queued items: the keeper's pass follows.</summary>
    internal WakeSignal Queued { get; } = new();

    /// <summary>Indexes what waits, pass after pass, until nothing does but items a writer holds; returns how many entries were done.</summary>
    public async Task<int> IndexWaitingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var (done, more) = await PassAsync(cancellationToken);
            total += done;
            if (!more) return total;
        }
    }

    /// <summary>How many items wait for the index (counting stops past <see cref="KeysetPaging.CountBound"/>) and since when.</summary>
    public async Task<SearchIndexLag> LagAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var oldest = await db.PendingSearchItems.OrderBy(p => p.Id).Select(p => (DateTime?)p.QueuedAtUtc).FirstOrDefaultAsync(cancellationToken);
        if (oldest is null) return SearchIndexLag.None;
        var waiting = await db.PendingSearchItems.OrderBy(p => p.Id).CountBoundedAsync(exact: false, cancellationToken);
        var behind = clock.GetUtcNow().UtcDateTime - oldest.Value;
        return new SearchIndexLag(waiting, behind < TimeSpan.Zero ? TimeSpan.Zero : behind);
    }

    private async Task<(int Done, bool More)> PassAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Asked before the writer's turn is taken: on SQLite an idle keeper would otherwise queue behind ingestion every second for nothing.
        if (!await db.PendingSearchItems.AnyAsync(cancellationToken)) return (0, false);
        await using var transaction = await gate.BeginAsync(db, WriteLock.SearchIndex, cancellationToken);
        var waiting = await db.PendingSearchItems.AsNoTracking().OrderBy(p => p.Id).Take(PassSize).ToListAsync(cancellationToken);
        if (waiting.Count == 0) return (0, false);
        var postgreSql = db.Database.IsNpgsql();
        var itemIds = waiting.Select(p => p.ContentItemId).Distinct().ToList();
        var texts = await TextsAsync(db, itemIds, postgreSql, cancellationToken);
        var held = postgreSql ? await HeldAsync(db, itemIds.Where(id => !texts.ContainsKey(id)).ToList(), cancellationToken) : [];
        var done = waiting.Where(p => !held.Contains(p.ContentItemId)).ToList();
        if (done.Count == 0) return (0, false);

        var (connection, dbTransaction) = (db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        // On PostgreSQL every item's row goes first, not only a changed one's: a row there twice would stop every pass after (its key is
        // unique), and a seek each costs little beside the GIN entries. FTS5 checks no rowid, so there only a changed text's row goes.
        var replaced = done.Where(p => postgreSql || p.Replaces).Select(p => p.ContentItemId).Distinct().ToList();
        await ContentSearchIndex.DeleteAsync(connection, dbTransaction, replaced, cancellationToken);
        var rows = new ContentSearchRows();
        foreach (var (itemId, text) in texts) rows.Add(itemId, text);
        await rows.WriteAsync(connection, dbTransaction, cancellationToken);
        var doneIds = done.Select(p => p.Id).ToList();
        await db.PendingSearchItems.Where(p => EF.Parameter(doneIds).Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (done.Count, waiting.Count == PassSize);
    }

    /// <summary>The items' text as it is now, by item; on PostgreSQL share-locked until the pass commits, items a writer holds left out.</summary>
    private static async Task<Dictionary<long, string?>> TextsAsync(AppDbContext db, List<long> itemIds, bool postgreSql, CancellationToken cancellationToken)
    {
        var texts = postgreSql
            ? db.Database.SqlQueryRaw<ItemText>("""
                SELECT "Id", "Excerpt" FROM "ContentItems" WHERE "Id" = ANY({0}) FOR SHARE SKIP LOCKED
                """, itemIds.ToArray())
            : db.ContentItems.AsNoTracking().Where(i => EF.Parameter(itemIds).Contains(i.Id)).Select(i => new ItemText { Id = i.Id, Excerpt = i.Excerpt });
        return await texts.ToDictionaryAsync(t => t.Id, t => t.Excerpt, cancellationToken);
    }

    /// <summary>Of the items a pass could not read, those that still exist (a writer holds them); the others were deleted.</summary>
    private static async Task<HashSet<long>> HeldAsync(AppDbContext db, List<long> unread, CancellationToken cancellationToken) =>
        unread.Count == 0 ? [] : (await db.ContentItems.AsNoTracking().Where(i => EF.Parameter(unread).Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();

    private sealed class ItemText
    {
        public long Id { get; set; }
        public string? Excerpt { get; set; }
    }
}

/// <summary>How far the search index is behind: the items waiting for it, and how long the oldest has waited.</summary>
public sealed record SearchIndexLag(BoundedCount Waiting, TimeSpan Behind)
{
    public static readonly SearchIndexLag None = new(new BoundedCount(0, false), TimeSpan.Zero);

    /// <summary>How long the oldest has waited, in whole seconds rounded up: a wait is never said to be none.</summary>
    public int BehindSeconds => Math.Max(1, (int)Math.Ceiling(Behind.TotalSeconds));
}
