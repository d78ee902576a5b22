using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Reads the Reviewer's queue: one page of a view in queue order (due time, then priority) by keyset, and how many cases
/// it lists. Each view walks its own index (<see cref="ReviewQueueIndexes"/>), named in the query.
/// </summary>
public sealed class ReviewQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int ExcerptLength = 120;

    /// <summary>One page of a view: the first, the next or previous from a cursor, or the last (the first, reversed).</summary>
    public async Task<KeysetPage<ReviewQueueRow>> GetPageAsync(ReviewQueueRequest request, CancellationToken cancellationToken = default)
    {
        var staffId = await DemandAsync(request.View);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await ProjectAsync(PageQuery(db, request, staffId, now).TakePage(request.PageSize), now, cancellationToken);
        return rows.ToPage(request.PageSize, request.Anchor);
    }

    /// <summary>How many cases the view lists: up to <see cref="KeysetPaging.CountBound"/> unless <paramref name="exact"/>.</summary>
    public async Task<BoundedCount> CountAsync(ReviewQueueView view, bool exact = false, CancellationToken cancellationToken = default)
    {
        var staffId = await DemandAsync(view);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return BoundedCount.Of(await CountQuery(db, view, staffId, clock.GetUtcNow().UtcDateTime, exact).CountAsync(cancellationToken), exact);
    }

    /// <summary>The page query, rows in queue order or reversed (for Before and Last), on the view's index.</summary>
    internal static IQueryable<ReviewCase> PageQuery(AppDbContext db, ReviewQueueRequest request, string? staffId, DateTime nowUtc)
    {
        return Page(request.View.Apply(Source(db, request.View, staffId), staffId, nowUtc), request.Anchor, request.Cursor);
    }

    /// <summary>The bounded count walks the page's index in its own order and stops after the bound.</summary>
    internal static IQueryable<long> CountQuery(AppDbContext db, ReviewQueueView view, string? staffId, DateTime nowUtc, bool exact)
    {
        return Page(view.Apply(Source(db, view, staffId), staffId, nowUtc), PageAnchor.First, null).Select(c => c.Id).UpToBound(exact);
    }

    /// <summary>The cases table read through the view's index: the planner has no statistics and cannot tell that a category is selective.</summary>
    internal static IQueryable<ReviewCase> Source(AppDbContext db, ReviewQueueView view, string? staffId)
    {
        if (!db.Database.IsSqlite()) return db.ReviewCases.AsNoTracking();
        if (ReviewQueueIndexes.For(view) is { } index) return IndexHints.Through<ReviewCase>(db, "ReviewCases", index.Name).AsNoTracking();
        // "Mine": the cases given to me and those I hold, each seeking its own index; left to itself the planner walked the whole queue.
        var open = $"\"State\" IN ({(int)ReviewCaseState.Open}, {(int)ReviewCaseState.Escalated})";
        return IndexHints.EitherThrough<ReviewCase>(db, "ReviewCases", (ReviewQueueIndexes.Assigned.Name, $"\"AssignedToId\" = {{0}} AND {open}"),
            (ReviewQueueIndexes.Claimed.Name, $"\"ClaimedById\" = {{0}} AND {open}"), staffId ?? "").AsNoTracking();
    }

    /// <summary>Queue order, then the id.</summary>
    private static IQueryable<ReviewCase> Page(IQueryable<ReviewCase> query, PageAnchor anchor, ReviewQueueCursor? cursor) =>
        query.Seek(c => c.QueueOrder, c => c.Id, descending: false, anchor, cursor is null ? null : (cursor.QueueOrder, cursor.Id));

    private static async Task<List<ReviewQueueRow>> ProjectAsync(IQueryable<ReviewCase> query, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rows = await query.Select(c => new
        {
            c.Id, c.QueueOrder, c.ContentItem.ExternalId, c.MediaType, c.Category,
            // One character more than shown, to know whether it was cut.
            Excerpt = c.ContentItem.Excerpt!.Substring(0, ExcerptLength + 1),
            c.LabelStatus, c.SourceMask, c.FlagCount, c.Priority, c.DueAtUtc,
            c.ClaimedById, c.ClaimedByName, c.ClaimExpiresAtUtc, c.AssignedToId, c.AssignedToName, c.State,
        }).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            // An expired lease is no claim: the case is free, whatever the expiry sweep has not yet cleared.
            var held = r.ClaimExpiresAtUtc > nowUtc;
            return new ReviewQueueRow(r.Id, r.QueueOrder, r.ExternalId, r.MediaType, r.Category, Shorten(r.Excerpt), r.LabelStatus,
                ReviewSources.In(r.SourceMask).ToList(), r.FlagCount, r.Priority, r.DueAtUtc,
                held ? r.ClaimedById : null, held ? r.ClaimedByName : null, held ? r.ClaimExpiresAtUtc : null, r.AssignedToId, r.AssignedToName, r.State);
        }).ToList();
    }

    private static string? Shorten(string? excerpt) =>
        excerpt is { Length: > ExcerptLength } ? excerpt[..ExcerptLength].TrimEnd() + "…" : excerpt;

    /// <summary>Reading the queue needs Review.Read; the escalated cases wait for those who supervise. Returns the reader's id for "mine".</summary>
    private async Task<string?> DemandAsync(ReviewQueueView view)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Read);
        if (view.Kind == ReviewQueueViewKind.Escalated) await guard.DemandAsync(ReviewPermissions.Supervise);
        return actor.Id;
    }
}
