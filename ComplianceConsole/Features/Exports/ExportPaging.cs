using System.Runtime.CompilerServices;

namespace ComplianceConsole.Features.Exports;

/// <summary>Where a keyset page of rows ordered by (time, id) ends, and so where the next one starts.</summary>
public sealed record ExportCursor(DateTime At, long Id);

/// <summary>
/// Reads a source's rows a page at a time, each page from its own short-lived context and seeking past the last row of the
/// one before, so a million rows stream in constant memory and no context lives for the whole export.
/// </summary>
internal static class ExportPaging
{
    public const int PageSize = 1_000;

    public static IAsyncEnumerable<object?[]> ReadAsync<T>(Func<ExportCursor?, CancellationToken, Task<IReadOnlyList<T>>> readPage,
        Func<T, ExportCursor> cursorOf, Func<T, object?[]> cells, CancellationToken cancellationToken) =>
        ReadManyAsync(readPage, cursorOf, record => [cells(record)], cancellationToken);

    /// <summary>As <see cref="ReadAsync{T}"/>, for records that give any number of rows each (none when a filter leaves one out, a row per part).</summary>
    public static async IAsyncEnumerable<object?[]> ReadManyAsync<T>(Func<ExportCursor?, CancellationToken, Task<IReadOnlyList<T>>> readPage,
        Func<T, ExportCursor> cursorOf, Func<T, IEnumerable<object?[]>> rowsOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in RecordsAsync(readPage, cursorOf, cancellationToken))
        {
            foreach (var row in rowsOf(record)) yield return row;
        }
    }

    /// <summary>The records themselves, page after page.</summary>
    public static async IAsyncEnumerable<T> RecordsAsync<T>(Func<ExportCursor?, CancellationToken, Task<IReadOnlyList<T>>> readPage,
        Func<T, ExportCursor> cursorOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ExportCursor? cursor = null;
        while (true)
        {
            var page = await readPage(cursor, cancellationToken);
            foreach (var record in page) yield return record;
            if (page.Count < PageSize) yield break;
            cursor = cursorOf(page[^1]);
        }
    }

    /// <summary>
    /// Where a page's walk of the (time, id) index starts: the period's start, then the last row's time. A page's query has ONE
    /// lower bound on the time: given both the period's start and the cursor's, SQLite seeks to the first and filters by the
    /// second, so each page walked all the pages before it again (a million-row export went quadratic).
    /// </summary>
    public static DateTime Start(ExportRequest request, ExportCursor? cursor) =>
        cursor is null || cursor.At < request.FromUtc ? request.FromUtc : cursor.At;

    /// <summary>An empty list of records is an empty cell, not an empty string.</summary>
    public static string? Blank(string text) => text.Length == 0 ? null : text;
}
