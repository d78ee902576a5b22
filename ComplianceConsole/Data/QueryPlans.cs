using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>What SQLite will do for a query (<c>EXPLAIN QUERY PLAN</c>): which index it seeks, whether it sorts or scans.</summary>
internal static class QueryPlans
{
    public static async Task<IReadOnlyList<string>> ExplainAsync(AppDbContext db, IQueryable query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }
}
