using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// Which index a query walks, where the database has to be told. SQLite's planner keeps no statistics here, so it cannot
/// know that a filter is selective or a flag rare, and a wrong guess walked a million rows: a query names its index
/// (<c>INDEXED BY</c>), or none (<c>NOT INDEXED</c>, which still allows the rowid, for reading a few rows by id).
/// PostgreSQL plans with its own statistics, so there the table is read as it is. Index and table names come from the
/// app's fixed definitions, never from input.
/// </summary>
public static class IndexHints
{
    /// <summary>The table read through <paramref name="index"/>, or through no index but the rowid when it is null.</summary>
    public static IQueryable<T> Through<T>(AppDbContext db, string table, string? index) where T : class
    {
        if (!db.Database.IsSqlite()) return db.Set<T>();
#pragma warning disable EF1002
        return db.Set<T>().FromSqlRaw($"SELECT * FROM \"{table}\" {Hint(index)}");
#pragma warning restore EF1002
    }

    /// <summary>
    /// The rows of the table matching either condition, each part read through its own index (two seeks and a union, where
    /// SQLite would walk the whole table for an OR). The conditions are fixed SQL; <paramref name="value"/> is their one
    /// parameter, <c>{0}</c>.
    /// </summary>
    public static IQueryable<T> EitherThrough<T>(AppDbContext db, string table, (string Index, string Condition) first,
        (string Index, string Condition) second, object value) where T : class
    {
#pragma warning disable EF1002, EF1003
        return db.Set<T>().FromSqlRaw(
            $"SELECT * FROM \"{table}\" {Hint(first.Index)} WHERE {first.Condition} " +
            $"UNION SELECT * FROM \"{table}\" {Hint(second.Index)} WHERE {second.Condition}", value);
#pragma warning restore EF1002, EF1003
    }

    private static string Hint(string? index) => index is null ? "NOT INDEXED" : $"INDEXED BY \"{index}\"";
}
