using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Common;

/// <summary>Which page: the first, the one after or before a cursor (keyset seeks both ways), or the last (the first, reversed).</summary>
public enum PageAnchor { First, After, Before, Last }

/// <summary>One page of rows in display order, and whether there are rows before or after it.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, bool HasPrevious, bool HasNext)
{
    public KeysetPage<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), HasPrevious, HasNext);
}

/// <summary>How many rows a list holds; <see cref="AtLeast"/> when counting stopped at the bound (shown as "10,000+").</summary>
public sealed record BoundedCount(int Value, bool AtLeast)
{
    public static BoundedCount Of(long counted, bool exact, int bound = KeysetPaging.CountBound) =>
        new((int)(exact ? counted : Math.Min(counted, bound)), !exact && counted > bound);
}

/// <summary>
/// The one keyset pager: rows ordered by a key and the id that breaks its ties, each page a seek from the row at its edge,
/// never an OFFSET, so the last page costs what the first does; backward pages read in reverse and are turned round.
/// A count walks the same order and stops after <see cref="CountBound"/> unless the exact figure is asked for.
/// </summary>
public static class KeysetPaging
{
    public const int CountBound = 10_000;

    /// <summary>
    /// Orders by the key then the id, in display order or reversed for Before and Last, seeking past the cursor (After and Before).
    /// The plain bound on the key beside the exact keyset condition lets the database start the index walk at the cursor.
    /// </summary>
    public static IQueryable<T> Seek<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, long>> id, bool descending,
        PageAnchor anchor, (TKey Key, long Id)? cursor)
    {
        var down = descending != ReadsBackwards(anchor);
        if (Seeks(anchor) && cursor is { } at) query = query.Where(Past(key, id, down, at.Key, at.Id));
        return down ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id);
    }

    /// <summary>The same on a unique key alone.</summary>
    public static IQueryable<T> Seek<T>(this IQueryable<T> query, Expression<Func<T, long>> key, bool descending, PageAnchor anchor, long? cursor)
    {
        var down = descending != ReadsBackwards(anchor);
        if (Seeks(anchor) && cursor is { } at) query = query.Where(Beyond(key, down ? Expression.LessThan : Expression.GreaterThan, at));
        return down ? query.OrderByDescending(key) : query.OrderBy(key);
    }

    /// <summary>One row more than the page, to know whether another lies beyond it.</summary>
    public static IQueryable<T> TakePage<T>(this IQueryable<T> seeked, int pageSize) => seeked.Take(pageSize + 1);

    /// <summary>The page from what <see cref="TakePage{T}"/> read, in display order.</summary>
    public static KeysetPage<T> ToPage<T>(this List<T> read, int pageSize, PageAnchor anchor)
    {
        var more = read.Count > pageSize;
        if (more) read.RemoveRange(pageSize, read.Count - pageSize);
        if (ReadsBackwards(anchor)) read.Reverse();
        return anchor switch
        {
            PageAnchor.First => new KeysetPage<T>(read, false, more),
            PageAnchor.After => new KeysetPage<T>(read, true, more),
            PageAnchor.Before => new KeysetPage<T>(read, more, true),
            _ => new KeysetPage<T>(read, more, false),
        };
    }

    public static async Task<KeysetPage<T>> ReadPageAsync<T>(this IQueryable<T> seeked, int pageSize, PageAnchor anchor, CancellationToken cancellationToken) =>
        (await seeked.TakePage(pageSize).ToListAsync(cancellationToken)).ToPage(pageSize, anchor);

    /// <summary>The rows to count, in the page's own order so that a bounded count stops after the bound instead of ordering every match.</summary>
    public static IQueryable<T> UpToBound<T>(this IQueryable<T> inPageOrder, bool exact, int bound = CountBound) =>
        exact ? inPageOrder : inPageOrder.Take(bound + 1);

    public static async Task<BoundedCount> CountBoundedAsync<T>(this IQueryable<T> inPageOrder, bool exact, CancellationToken cancellationToken) =>
        BoundedCount.Of(await inPageOrder.UpToBound(exact).CountAsync(cancellationToken), exact);

    private static bool ReadsBackwards(PageAnchor anchor) => anchor is PageAnchor.Before or PageAnchor.Last;

    private static bool Seeks(PageAnchor anchor) => anchor is PageAnchor.After or PageAnchor.Before;

    // key >= at && (key > at || id > last), or the same downwards; the bounds are captured variables, so they reach the database as parameters.
    private static Expression<Func<T, bool>> Past<T, TKey>(Expression<Func<T, TKey>> key, Expression<Func<T, long>> id, bool down, TKey at, long last)
    {
        var row = key.Parameters[0];
        var idBody = new Rebind(id.Parameters[0], row).Visit(id.Body);
        Expression<Func<TKey>> atValue = () => at;
        Expression<Func<long>> lastValue = () => last;
        Func<Expression, Expression, BinaryExpression> orEqual = down ? Expression.LessThanOrEqual : Expression.GreaterThanOrEqual;
        Func<Expression, Expression, BinaryExpression> beyond = down ? Expression.LessThan : Expression.GreaterThan;
        var body = Expression.AndAlso(orEqual(key.Body, atValue.Body),
            Expression.OrElse(beyond(key.Body, atValue.Body), beyond(idBody, lastValue.Body)));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static Expression<Func<T, bool>> Beyond<T>(Expression<Func<T, long>> key, Func<Expression, Expression, BinaryExpression> comparison, long value)
    {
        Expression<Func<long>> boundary = () => value;
        return Expression.Lambda<Func<T, bool>>(comparison(key.Body, boundary.Body), key.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
