using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Common;

public enum PageDirection { First, Older, Newer }

/// <summary>One page of rows, newest first, and whether there are older or newer rows beyond it.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Rows, bool HasOlder, bool HasNewer);

/// <summary>
/// Newest-first keyset paging on an increasing numeric key: a page is a seek from the key of the row at its edge,
/// never an OFFSET, so the last page costs what the first does.
/// </summary>
public static class KeysetPaging
{
    public static async Task<KeysetPage<TRow>> NewestFirstAsync<TEntity, TRow>(IQueryable<TEntity> query,
        Expression<Func<TEntity, long>> key, Expression<Func<TEntity, TRow>> projection, Func<TRow, long> keyOfRow,
        PageDirection direction, long? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var window = direction switch
        {
            PageDirection.Older when cursor is { } older => query.Where(Compare(key, Expression.LessThan, older)).OrderByDescending(key),
            PageDirection.Newer when cursor is { } newer => query.Where(Compare(key, Expression.GreaterThan, newer)).OrderBy(key),
            _ => query.OrderByDescending(key),
        };
        var rows = await window.Take(pageSize + 1).Select(projection).ToListAsync(cancellationToken);

        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (direction == PageDirection.Newer) rows.Reverse();
        if (rows.Count == 0) return new KeysetPage<TRow>(rows, false, false);

        var hasOlder = direction == PageDirection.Newer
            ? await query.AnyAsync(Compare(key, Expression.LessThan, keyOfRow(rows[^1])), cancellationToken)
            : more;
        var hasNewer = direction switch
        {
            PageDirection.Newer => more,
            PageDirection.Older => true,
            _ => false,
        };
        return new KeysetPage<TRow>(rows, hasOlder, hasNewer);
    }

    private static Expression<Func<TEntity, bool>> Compare<TEntity>(Expression<Func<TEntity, long>> key,
        Func<Expression, Expression, BinaryExpression> comparison, long value)
    {
        // A captured variable, not a constant, so the database sees a parameter and reuses its plan.
        Expression<Func<long>> boundary = () => value;
        return Expression.Lambda<Func<TEntity, bool>>(comparison(key.Body, boundary.Body), key.Parameters);
    }
}
