using System.Linq.Expressions;

namespace ComplianceConsole.Common;

/// <summary>
/// A keyset seek on a time and an id (the id breaking ties), either way: the rows past the cursor, in time then id order.
/// The time is bounded on its own as well as with the id, so the database seeks the time index before it filters.
/// </summary>
public static class TimeKeyset
{
    public static IQueryable<T> Page<T>(IQueryable<T> query, Expression<Func<T, DateTime>> time, Expression<Func<T, long>> id, bool ascending,
        (DateTime At, long Id)? cursor)
    {
        if (cursor is { } after) query = query.Where(Past(time, id, ascending, after.At, after.Id));
        return ascending ? query.OrderBy(time).ThenBy(id) : query.OrderByDescending(time).ThenByDescending(id);
    }

    // time >= at && (time > at || id > key), or the same downwards; the bounds are captured variables, so they reach the database as parameters.
    private static Expression<Func<T, bool>> Past<T>(Expression<Func<T, DateTime>> time, Expression<Func<T, long>> id, bool ascending, DateTime at, long key)
    {
        var row = time.Parameters[0];
        var idBody = new Rebind(id.Parameters[0], row).Visit(id.Body);
        Expression<Func<DateTime>> atValue = () => at;
        Expression<Func<long>> keyValue = () => key;
        var (orEqual, beyond) = ascending
            ? ((Func<Expression, Expression, BinaryExpression>)Expression.GreaterThanOrEqual, (Func<Expression, Expression, BinaryExpression>)Expression.GreaterThan)
            : (Expression.LessThanOrEqual, Expression.LessThan);
        var body = Expression.AndAlso(orEqual(time.Body, atValue.Body),
            Expression.OrElse(beyond(time.Body, atValue.Body), beyond(idBody, keyValue.Body)));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
