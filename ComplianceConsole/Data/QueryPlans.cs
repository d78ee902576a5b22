using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// What the database will do for a query: SQLite's <c>EXPLAIN QUERY PLAN</c> (which index it seeks, whether it sorts or
/// scans), PostgreSQL's <c>EXPLAIN</c> with the parameters bound, one line a plan node.
/// </summary>
internal static class QueryPlans
{
    public static async Task<IReadOnlyList<string>> ExplainAsync(AppDbContext db, IQueryable query)
    {
        await using var command = query.CreateDbCommand();
        var sqlite = db.Database.IsSqlite();
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(sqlite ? 3 : 0).Trim());
        return lines;
    }
}
