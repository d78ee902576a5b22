using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// "Find" for the review queue (<c>/review/find</c>): a search for cases by an exact id (case number, content id, the author's
/// platform id, a complaint's flag id, an appeal id), each one index seek, or else by words of the content text through the
/// full-text index (<see cref="ContentSearchIndex"/>, saying how many newly received items it does not hold yet); and the lists of decided and appealed cases by reviewer, outcome,
/// reason, flag source (the decision's: the case's sources when it was decided) and period. All keyset-paged both ways with a count bounded like the queue's; all need Review.Read.
/// </summary>
public sealed class ReviewFindQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, ContentSearchIndexer searchIndexer)
{
    /// <summary>
    /// A search by words counts up to this many cases unless asked for the exact figure: each match found in the full-text
    /// index looks up its case, and a phrase in one item of ten needed 118 ms at p50 to reach 10,000 at a million items.
    /// </summary>
    public const int WordCountBound = 1_000;
    public const int DefaultPageSize = ReviewQueryService.DefaultPageSize;
    public const int ExcerptLength = ReviewQueryService.ExcerptLength;

    /// <summary>An id matches exactly; only when none does is the search taken as words of the text.</summary>
    public async Task<ReviewSearchResult> SearchAsync(ReviewSearchRequest request, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return ReviewSearchResult.Empty;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (matches, caseIds, authorId) = await ExactAsync(db, text, cancellationToken);
        List<long> read;
        var lag = SearchIndexLag.None;
        if (matches.Count > 0)
        {
            read = await ExactQuery(db, caseIds, authorId).Seek(c => c.ContentItemId, descending: true, request.Anchor, request.Cursor)
                .Select(c => c.Id).TakePage(request.PageSize).ToListAsync(cancellationToken);
        }
        else if (ContentSearchIndex.Query(!db.Database.IsSqlite(), text) is { } words)
        {
            // The full-text index pages in its own SQL; only the seek is its own, the page is cut and turned like any other.
            matches = [ReviewFindMatch.Words];
            var ascending = request.Anchor is PageAnchor.Before or PageAnchor.Last;
            var cursor = request.Anchor is PageAnchor.After or PageAnchor.Before ? request.Cursor : null;
            read = await ContentSearchIndex.CasePage(db, words, ascending, cursor ?? (ascending ? 0 : long.MaxValue), request.PageSize + 1)
                .ToListAsync(cancellationToken);
            lag = await searchIndexer.LagAsync(cancellationToken);
        }
        else
        {
            return ReviewSearchResult.Empty with { TooShort = true };
        }
        var page = read.ToPage(request.PageSize, request.Anchor);
        var rows = await SearchRowsAsync(db, [.. page.Items], cancellationToken);
        return new ReviewSearchResult(rows, page.HasPrevious, page.HasNext, matches, false) { IndexLag = lag };
    }

    /// <summary>How many cases the search finds: up to <see cref="KeysetPaging.CountBound"/> for ids, <see cref="WordCountBound"/> for words, unless <paramref name="exact"/>.</summary>
    public async Task<BoundedCount> CountSearchAsync(string? text, bool exact = false, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return new BoundedCount(0, false);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (matches, caseIds, authorId) = await ExactAsync(db, text, cancellationToken);
        var bound = matches.Count > 0 ? KeysetPaging.CountBound : WordCountBound;
        long count;
        if (matches.Count > 0) count = await ExactQuery(db, caseIds, authorId).Select(c => c.Id).UpToBound(exact, bound).CountAsync(cancellationToken);
        else if (ContentSearchIndex.Query(!db.Database.IsSqlite(), text) is { } words)
            count = (await ContentSearchIndex.CaseCount(db, words, exact ? int.MaxValue : bound + 1).ToListAsync(cancellationToken)).Single();
        else count = 0;
        return BoundedCount.Of(count, exact, bound);
    }

    /// <summary>One page of decisions, newest first (Before and Last read oldest first and are turned round).</summary>
    public async Task<KeysetPage<ReviewDecidedRow>> GetDecidedAsync(ReviewDecidedRequest request, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var page = await DecidedPage(DecidedQuery(db, request.Filter), request.Anchor, request.Cursor)
            .Select(d => new { d.Id, d.ReviewCaseId, d.Outcome, d.ReasonCode, d.DecidedById, d.DecidedByName, d.DecidedAtUtc, d.SourceMask })
            .ReadPageAsync(request.PageSize, request.Anchor, cancellationToken);
        var cases = await CaseFactsAsync(db, page.Items.Select(r => r.ReviewCaseId), cancellationToken);
        var people = await NamesAsync(db, page.Items.Select(r => r.DecidedById), cancellationToken);
        return page.Select(r => new ReviewDecidedRow(r.Id, r.ReviewCaseId, cases[r.ReviewCaseId].ContentExternalId, cases[r.ReviewCaseId].Excerpt, r.Outcome,
            r.ReasonCode, r.DecidedById, NameOf(people, r.DecidedById, r.DecidedByName)!, r.DecidedAtUtc, ReviewSources.In(r.SourceMask).ToList()));
    }

    public async Task<BoundedCount> CountDecidedAsync(ReviewDecidedFilter filter, bool exact = false, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return BoundedCount.Of(await DecidedCountQuery(db, filter, exact).CountAsync(cancellationToken), exact);
    }

    /// <summary>One page of appeals, the newest received first.</summary>
    public async Task<KeysetPage<ReviewAppealedRow>> GetAppealedAsync(ReviewAppealedRequest request, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var page = await AppealedPage(AppealedQuery(db, request.Filter), request.Anchor, request.Cursor)
            .Select(a => new { a.Id, a.ReviewCaseId, a.PlatformAppealId, a.State, a.Outcome, a.ReasonCode, a.DecidedById, a.DecidedByName, a.ReceivedAtUtc, a.DecidedAtUtc })
            .ReadPageAsync(request.PageSize, request.Anchor, cancellationToken);
        var cases = await CaseFactsAsync(db, page.Items.Select(r => r.ReviewCaseId), cancellationToken);
        var people = await NamesAsync(db, page.Items.Select(r => r.DecidedById), cancellationToken);
        return page.Select(r => new ReviewAppealedRow(r.Id, r.ReviewCaseId, cases[r.ReviewCaseId].ContentExternalId, cases[r.ReviewCaseId].Excerpt,
            r.PlatformAppealId, StatusOf(r.State, r.Outcome), r.ReasonCode, r.DecidedById, NameOf(people, r.DecidedById, r.DecidedByName), r.ReceivedAtUtc,
            r.DecidedAtUtc, cases[r.ReviewCaseId].Sources));
    }

    public async Task<BoundedCount> CountAppealedAsync(ReviewAppealedFilter filter, bool exact = false, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await AppealedPage(AppealedQuery(db, filter), PageAnchor.First, null).Select(a => a.Id).CountBoundedAsync(exact, cancellationToken);
    }

    /// <summary>Staff who have decided a case or an appeal, or may: everyone with an account, by display name (a short list).</summary>
    public async Task<IReadOnlyList<ReviewFindPerson>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return people.Select(p => new ReviewFindPerson(p.Id, string.IsNullOrWhiteSpace(p.DisplayName) ? p.Email ?? p.Id : p.DisplayName))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The decisions the filter selects, read through the filter's own index (<see cref="ReviewFindIndexes"/>).</summary>
    internal static IQueryable<Decision> DecidedQuery(AppDbContext db, ReviewDecidedFilter filter)
    {
        var query = IndexHints.Through<Decision>(db, "Decisions", ReviewFindIndexes.For(filter).Name).AsNoTracking();
        if (filter.ReviewerId is { } reviewer) query = query.Where(d => d.DecidedById == reviewer);
        if (filter.Outcome is { } outcome) query = query.Where(d => d.Outcome == outcome);
        if (filter.ReasonCode is { } reason) query = query.Where(d => d.ReasonCode == reason);
        if (ChinaTime.DayStartUtc(filter.From?.ToDateTime(TimeOnly.MinValue)) is { } from) query = query.Where(d => d.DecidedAtUtc >= from);
        if (ChinaTime.DayEndUtc(filter.To?.ToDateTime(TimeOnly.MinValue)) is { } to) query = query.Where(d => d.DecidedAtUtc < to);
        return filter.Source is { } source ? BySource(query, source) : query;
    }

    // Constants, not parameters: the query carries the term the source's partial index is filtered by (ReviewFindIndexes.SourceFilter).
    private static IQueryable<Decision> BySource(IQueryable<Decision> decisions, FlagSource source) => source switch
    {
        FlagSource.FeatureLibrary => decisions.Where(d => (d.SourceMask & 1) != 0),
        FlagSource.UserComplaint => decisions.Where(d => (d.SourceMask & 2) != 0),
        FlagSource.LabelCheck => decisions.Where(d => (d.SourceMask & 4) != 0),
        FlagSource.RegulatorNotice => decisions.Where(d => (d.SourceMask & 8) != 0),
        FlagSource.Appeal => decisions.Where(d => (d.SourceMask & 32) != 0),
        _ => decisions.Where(d => (d.SourceMask & 16) != 0),
    };

    /// <summary>The bounded count walks the page's index in list order and stops after the bound.</summary>
    internal static IQueryable<long> DecidedCountQuery(AppDbContext db, ReviewDecidedFilter filter, bool exact) =>
        DecidedPage(DecidedQuery(db, filter), PageAnchor.First, null).Select(d => d.Id).UpToBound(exact);

    /// <summary>Decision time and id, newest first.</summary>
    internal static IQueryable<Decision> DecidedPage(IQueryable<Decision> query, PageAnchor anchor, ReviewFindCursor? cursor) =>
        query.Seek(d => d.DecidedAtUtc, d => d.Id, descending: true, anchor, cursor is null ? null : (cursor.AtUtc, cursor.Id));

    /// <summary>Appeals are few beside decisions (one per decision at most, and rare): the time index and the filters suffice.</summary>
    internal static IQueryable<Appeal> AppealedQuery(AppDbContext db, ReviewAppealedFilter filter)
    {
        var query = db.Appeals.AsNoTracking();
        if (filter.ReviewerId is { } reviewer) query = query.Where(a => a.DecidedById == reviewer);
        query = filter.Status switch
        {
            ReviewAppealStatus.Open => query.Where(a => a.State == AppealState.Open),
            ReviewAppealStatus.Upheld => query.Where(a => a.State == AppealState.Decided && a.Outcome == AppealOutcome.Upheld),
            ReviewAppealStatus.Overturned => query.Where(a => a.State == AppealState.Decided && a.Outcome == AppealOutcome.Overturned),
            _ => query,
        };
        if (filter.ReasonCode is { } reason) query = query.Where(a => a.ReasonCode == reason);
        if (ChinaTime.DayStartUtc(filter.From?.ToDateTime(TimeOnly.MinValue)) is { } from) query = query.Where(a => a.ReceivedAtUtc >= from);
        if (ChinaTime.DayEndUtc(filter.To?.ToDateTime(TimeOnly.MinValue)) is { } to) query = query.Where(a => a.ReceivedAtUtc < to);
        if (filter.Source is { } source)
        {
            var bit = ReviewSources.Bit(source);
            query = query.Where(a => db.ReviewCases.Any(c => c.Id == a.ReviewCaseId && (c.SourceMask & bit) != 0));
        }
        return query;
    }

    internal static IQueryable<Appeal> AppealedPage(IQueryable<Appeal> query, PageAnchor anchor, ReviewFindCursor? cursor) =>
        query.Seek(a => a.ReceivedAtUtc, a => a.Id, descending: true, anchor, cursor is null ? null : (cursor.AtUtc, cursor.Id));

    /// <summary>Each kind of id, one unique-index seek each (the author's platform id, then their cases by the author index).</summary>
    private static async Task<(List<ReviewFindMatch> Matches, List<long> CaseIds, long? AuthorId)> ExactAsync(AppDbContext db, string text,
        CancellationToken cancellationToken)
    {
        var matches = new List<ReviewFindMatch>();
        var caseIds = new List<long>();
        if (long.TryParse(text, out var number) && await db.ReviewCases.AnyAsync(c => c.Id == number, cancellationToken))
        {
            matches.Add(ReviewFindMatch.CaseNumber);
            caseIds.Add(number);
        }
        if (text.Length <= ContentRules.MaxExternalIdLength)
        {
            var ofItem = await db.ReviewCases.Where(c => c.ContentItem.ExternalId == text).Select(c => c.Id).ToListAsync(cancellationToken);
            if (ofItem.Count > 0) (matches, caseIds) = ([.. matches, ReviewFindMatch.ContentId], [.. caseIds, .. ofItem]);
            var ofComplaint = await db.Flags.Where(f => f.ExternalId == text && f.Source != FlagSource.Appeal).Select(f => f.ReviewCaseId).ToListAsync(cancellationToken);
            if (ofComplaint.Count > 0) (matches, caseIds) = ([.. matches, ReviewFindMatch.ComplaintId], [.. caseIds, .. ofComplaint]);
            var ofAppeal = await db.Appeals.Where(a => a.PlatformAppealId == text).Select(a => a.ReviewCaseId).ToListAsync(cancellationToken);
            if (ofAppeal.Count > 0) (matches, caseIds) = ([.. matches, ReviewFindMatch.AppealId], [.. caseIds, .. ofAppeal]);
        }
        var author = await db.PlatformUsers().Where(u => u.ExternalId == text).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (author is not null) matches.Add(ReviewFindMatch.AuthorId);
        return (matches, caseIds.Distinct().ToList(), author);
    }

    private static IQueryable<ReviewCase> ExactQuery(AppDbContext db, List<long> caseIds, long? authorId) => authorId is { } author
        ? db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id) || c.AuthorId == author)
        : db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id));

    private static async Task<List<ReviewSearchRow>> SearchRowsAsync(AppDbContext db, List<long> caseIds, CancellationToken cancellationToken)
    {
        var rows = await db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new
        {
            c.Id, c.ContentItemId, c.ContentItem.ExternalId, Author = c.ContentItem.Author.ExternalId,
            Excerpt = c.ContentItem.Excerpt!.Substring(0, ExcerptLength + 1), c.MediaType, c.State, c.SourceMask, c.OpenedAtUtc, c.DecidedAtUtc,
        }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.ContentItemId).Select(r => new ReviewSearchRow(r.Id, r.ContentItemId, r.ExternalId, r.Author, Shorten(r.Excerpt),
            r.MediaType, r.State, ReviewSources.In(r.SourceMask).ToList(), r.OpenedAtUtc, r.DecidedAtUtc)).ToList();
    }

    private sealed record CaseFacts(string ContentExternalId, string? Excerpt, IReadOnlyList<FlagSource> Sources);

    private static async Task<Dictionary<long, CaseFacts>> CaseFactsAsync(AppDbContext db, IEnumerable<long> caseIds, CancellationToken cancellationToken)
    {
        var ids = caseIds.Distinct().ToList();
        var rows = await db.ReviewCases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.ContentItem.ExternalId, Excerpt = c.ContentItem.Excerpt!.Substring(0, ExcerptLength + 1), c.SourceMask })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new CaseFacts(r.ExternalId, Shorten(r.Excerpt), ReviewSources.In(r.SourceMask).ToList()));
    }

    /// <summary>Display names of the staff named on a page (one query for the page).</summary>
    private static async Task<Dictionary<string, string>> NamesAsync(AppDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.DisplayName != "")
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>The person's display name, or the name the record kept (an account since removed, or seeded data).</summary>
    private static string? NameOf(Dictionary<string, string> people, string? id, string? kept) =>
        id is not null && people.TryGetValue(id, out var name) ? name : kept;

    private static ReviewAppealStatus StatusOf(AppealState state, AppealOutcome? outcome) =>
        state == AppealState.Open ? ReviewAppealStatus.Open : outcome == AppealOutcome.Overturned ? ReviewAppealStatus.Overturned : ReviewAppealStatus.Upheld;

    private static string? Shorten(string? excerpt) =>
        excerpt is { Length: > ExcerptLength } ? excerpt[..ExcerptLength].TrimEnd() + "…" : excerpt;
}
