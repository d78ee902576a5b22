using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>What a search matched: an exact id of one kind, or words of the content text (through the full-text index).</summary>
public enum ReviewFindMatch { CaseNumber, ContentId, AuthorId, ComplaintId, AppealId, Words }

/// <summary>A search: an exact id of a case, item, author, complaint or appeal, or else words of the text; paged newest item first.</summary>
public sealed record ReviewSearchRequest(string? Text, int PageSize, PageAnchor Anchor = PageAnchor.First, long? Cursor = null);

/// <summary>
/// A search's page of cases (newest content first; <see cref="ReviewSearchRow.Cursor"/> is the item's id), what the search was
/// taken as, and <see cref="TooShort"/> when it had neither an id nor a word of two characters or more.
/// </summary>
public sealed record ReviewSearchResult(IReadOnlyList<ReviewSearchRow> Items, bool HasPrevious, bool HasNext, IReadOnlyList<ReviewFindMatch> Matches, bool TooShort)
{
    public static readonly ReviewSearchResult Empty = new([], false, false, [], false);

    /// <summary>For a search by words: the items not in the index yet, which it cannot find (<see cref="ContentSearchIndexer"/>).</summary>
    public SearchIndexLag IndexLag { get; init; } = SearchIndexLag.None;
}

public sealed record ReviewSearchRow(long CaseId, long ContentItemId, string ContentExternalId, string AuthorExternalId, string? Excerpt,
    MediaType MediaType, ReviewCaseState State, IReadOnlyList<FlagSource> Sources, DateTime OpenedAtUtc, DateTime? DecidedAtUtc)
{
    public long Cursor => ContentItemId;
}

/// <summary>A row's place in a list newest first: its time and id, where a keyset page starts or ends.</summary>
public sealed record ReviewFindCursor(DateTime AtUtc, long Id);

/// <summary>Which decisions the list of decided cases shows; days are China Standard Time, both included.</summary>
public sealed record ReviewDecidedFilter(string? ReviewerId = null, DecisionOutcome? Outcome = null, string? ReasonCode = null, FlagSource? Source = null,
    DateOnly? From = null, DateOnly? To = null);

public sealed record ReviewDecidedRequest(ReviewDecidedFilter Filter, int PageSize, PageAnchor Anchor = PageAnchor.First, ReviewFindCursor? Cursor = null);

/// <summary>One decision (a reopened case lists each of its decisions); the reviewer by display name.</summary>
public sealed record ReviewDecidedRow(long DecisionId, long CaseId, string ContentExternalId, string? Excerpt, DecisionOutcome Outcome, string ReasonCode,
    string? DecidedById, string DecidedBy, DateTime DecidedAtUtc, IReadOnlyList<FlagSource> Sources)
{
    public ReviewFindCursor Cursor => new(DecidedAtUtc, DecisionId);
}

/// <summary>An appeal's state as the list filters it: still open, or decided one way.</summary>
public enum ReviewAppealStatus { Open = 1, Upheld = 2, Overturned = 3 }

/// <summary>Which appeals the list shows: by who decided the appeal, its state or outcome, reason, the case's flag source, the day it came in.</summary>
public sealed record ReviewAppealedFilter(string? ReviewerId = null, ReviewAppealStatus? Status = null, string? ReasonCode = null, FlagSource? Source = null,
    DateOnly? From = null, DateOnly? To = null);

public sealed record ReviewAppealedRequest(ReviewAppealedFilter Filter, int PageSize, PageAnchor Anchor = PageAnchor.First, ReviewFindCursor? Cursor = null);

public sealed record ReviewAppealedRow(long AppealId, long CaseId, string ContentExternalId, string? Excerpt, string PlatformAppealId, ReviewAppealStatus Status,
    string? ReasonCode, string? DecidedById, string? DecidedBy, DateTime ReceivedAtUtc, DateTime? DecidedAtUtc, IReadOnlyList<FlagSource> Sources)
{
    public ReviewFindCursor Cursor => new(ReceivedAtUtc, AppealId);
}

/// <summary>A member of staff the lists can be filtered by, by display name.</summary>
public sealed record ReviewFindPerson(string Id, string DisplayName);
