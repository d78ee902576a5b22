using System.Data.Common;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// Ids for rows written in bulk with their ids given (<see cref="BulkTable"/>): the largest one taken so far, and, once the
/// rows are in, PostgreSQL's identity sequences moved past them (SQLite finds the next rowid from the table itself), so
/// that the app's own inserts carry on after them.
/// </summary>
public static class BulkIds
{
    public static async Task<long> MaxAsync(DbConnection connection, string table, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>On PostgreSQL, sets the sequence of every identity or serial column of these tables to follow the largest value stored.</summary>
    public static async Task ResetSequencesAsync(DbConnection connection, IEnumerable<string> tables, CancellationToken cancellationToken = default)
    {
        if (connection is not NpgsqlConnection npgsql) return;
        var columns = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ANY(@tables) AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
            """, npgsql))
        {
            find.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (table, column) in columns)
        {
            // is_called = false: the next value handed out is exactly MAX + 1 (1 for an empty table).
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(quote_ident(@table), @column), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM \"{table}\"", npgsql);
            reset.Parameters.AddWithValue("table", table);
            reset.Parameters.AddWithValue("column", column);
            await reset.ExecuteScalarAsync(cancellationToken);
        }
    }
}
