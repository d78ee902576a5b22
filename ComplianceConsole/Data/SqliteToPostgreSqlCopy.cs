using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>What a copy did: refused (and why), or the rows copied into each table.</summary>
public sealed record DatabaseCopyResult(string? RefusedBecause, IReadOnlyList<(string Table, long Rows)> Tables)
{
    public bool Copied => RefusedBecause is null;
}

/// <summary>
/// Copies every row of a SQLite database into a PostgreSQL database that has never been used: migrates the target to the
/// app's PostgreSQL schema, then, in one transaction, copies table by table in foreign-key order with binary COPY
/// (<see cref="PostgreSqlCopy"/>) in batches, values as stored (audit events verbatim, so the chain verifies on the target),
/// and moves the identity sequences past the copied ids. Foreign keys are set aside during the copy and added back at the
/// end, which checks every row at once (a decided review case and its decision point at each other, so no order alone fits);
/// the indexes other than the keys are built again after the rows are in.
/// Quartz's own tables are not copied: the app schedules its recurring jobs again when it starts.
/// </summary>
public static class SqliteToPostgreSqlCopy
{
    private const int BatchRows = 50_000;

    public static async Task<DatabaseCopyResult> CopyAsync(string sqliteConnectionString, string postgreSqlConnectionString, Action<string> progress,
        CancellationToken cancellationToken = default)
    {
        await using (var target = PostgreSqlDesignTimeDbContextFactory.For(postgreSqlConnectionString))
        {
            await target.Database.MigrateAsync(cancellationToken);
        }
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder(sqliteConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(postgreSqlConnectionString);
        await connection.OpenAsync(cancellationToken);

        if (await ScalarAsync<bool>(connection, """SELECT EXISTS (SELECT 1 FROM "AspNetUsers") OR EXISTS (SELECT 1 FROM "AuditEvents")""", cancellationToken))
            return new("The target database is in use already (it has staff accounts or audit events); copy into a new, empty database.", []);

        var tables = await TablesInForeignKeyOrderAsync(connection, cancellationToken);
        var columns = new Dictionary<string, string[]>();
        // The content search index is no table of SQLite's (a virtual FTS5 table there): it is built from the copied items' text instead.
        tables.Remove(ContentSearchIndex.Table);
        // Nor are the items waiting for it: every item's text is indexed by the copy.
        tables.Remove(Features.Review.PendingSearchItem.Table);
        // Nor are the queue's counts: the cases table's triggers count the cases as they are copied in (copied too, they would count twice).
        string[] countedByTriggers = [Features.Review.ReviewBacklogCounts.Table, Features.Review.ReviewBacklogCounts.DueDayTable];
        tables.RemoveAll(countedByTriggers.Contains);
        foreach (var table in tables)
        {
            var targetColumns = await TargetColumnsAsync(connection, table, cancellationToken);
            var sourceColumns = await SourceColumnsAsync(source, table, cancellationToken);
            if (!sourceColumns.SetEquals(targetColumns))
                return new($"The table \"{table}\" differs between the databases (source: {string.Join(", ", sourceColumns.Order())}; target: {string.Join(", ", targetColumns.Order())}). " +
                    "Start the app once on the SQLite database with this version, so that it is migrated, and copy again.", []);
            columns[table] = [.. targetColumns];
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Rows the migrations or a start-up put there (the settings row, roles): the source has its own.
        await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", tables.Concat(countedByTriggers).Select(t => $"\"{t}\""))} RESTART IDENTITY", cancellationToken);
        var foreignKeys = await DropForeignKeysAsync(connection, tables, cancellationToken);
        var indexes = await DropIndexesAsync(connection, tables, cancellationToken);
        var copied = new List<(string, long)>();
        foreach (var table in tables)
        {
            var rows = await CopyTableAsync(source, connection, table, columns[table], progress, cancellationToken);
            copied.Add((table, rows));
        }
        progress("Indexing the content items' text for search.");
        await ExecuteAsync(connection, $"TRUNCATE \"{ContentSearchIndex.Table}\", \"{Features.Review.PendingSearchItem.Table}\"", cancellationToken);
        await IndexContentTextAsync(source, connection, transaction, cancellationToken);
        progress($"Building {indexes.Count} indexes.");
        foreach (var definition in indexes) await ExecuteAsync(connection, definition, cancellationToken);
        progress($"Checking {foreignKeys.Count} foreign keys over the copied rows.");
        foreach (var (table, name, definition) in foreignKeys)
            await ExecuteAsync(connection, $"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{name}\" {definition}", cancellationToken);
        await BulkIds.ResetSequencesAsync(connection, tables, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ExecuteAsync(connection, "ANALYZE", cancellationToken);
        return new(null, copied);
    }

    private static async Task IndexContentTextAsync(SqliteConnection source, NpgsqlConnection target, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var read = source.CreateCommand();
        read.CommandText = """SELECT "Id", "Excerpt" FROM "ContentItems" WHERE "Excerpt" IS NOT NULL""";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var rows = new ContentSearchRows();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetInt64(0), reader.GetString(1));
            if (rows.Count >= BatchRows) await rows.WriteAsync(target, transaction, cancellationToken);
        }
        await rows.WriteAsync(target, transaction, cancellationToken);
    }

    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection target, string table, string[] columns, Action<string> progress,
        CancellationToken cancellationToken)
    {
        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        long total = 0;
        while (true)
        {
            var batch = new List<object?[]>(BatchRows);
            while (batch.Count < BatchRows && await reader.ReadAsync(cancellationToken))
            {
                var row = new object[columns.Length];
                reader.GetValues(row);
                batch.Add(row);
            }
            if (batch.Count == 0) break;
            total += (long)await PostgreSqlCopy.WriteAsync(target, table, columns, batch, cancellationToken);
            progress($"{table}: {total:N0} rows");
        }
        if (total == 0) progress($"{table}: empty");
        return total;
    }

    /// <summary>The app's tables (not Quartz's, not the migrations history), each after the tables it refers to; a cycle is broken where it closes.</summary>
    private static async Task<List<string>> TablesInForeignKeyOrderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory' AND table_name NOT LIKE 'qrtz%'
            ORDER BY table_name
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) tables.Add(reader.GetString(0));
        }
        var parents = tables.ToDictionary(t => t, _ => new HashSet<string>());
        await using (var command = new NpgsqlCommand("""
            SELECT child.relname, parent.relname FROM pg_constraint AS c
            JOIN pg_class AS child ON child.oid = c.conrelid JOIN pg_class AS parent ON parent.oid = c.confrelid
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (parents.TryGetValue(reader.GetString(0), out var of) && reader.GetString(0) != reader.GetString(1)) of.Add(reader.GetString(1));
            }
        }
        var ordered = new List<string>();
        while (ordered.Count < tables.Count)
        {
            var left = tables.Except(ordered).ToList();
            ordered.Add(left.FirstOrDefault(t => parents[t].All(p => ordered.Contains(p) || !parents.ContainsKey(p))) ?? left[0]);
        }
        return ordered;
    }

    private static async Task<List<(string Table, string Name, string Definition)>> DropForeignKeysAsync(NpgsqlConnection connection, List<string> tables,
        CancellationToken cancellationToken)
    {
        var keys = new List<(string, string, string)>();
        await using (var command = new NpgsqlCommand("""
            SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint AS c JOIN pg_class AS t ON t.oid = c.conrelid
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND t.relname = ANY(@tables)
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, _) in keys) await ExecuteAsync(connection, $"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", cancellationToken);
        return keys;
    }

    /// <summary>
    /// Drops the tables' indexes other than their keys and returns how to build them again: built once over all the rows,
    /// they cost a fraction of keeping twenty of them up to date row by row (the records table has that many).
    /// </summary>
    private static async Task<List<string>> DropIndexesAsync(NpgsqlConnection connection, List<string> tables, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index AS x
            JOIN pg_class AS i ON i.oid = x.indexrelid JOIN pg_class AS t ON t.oid = x.indrelid
            WHERE t.relname = ANY(@tables) AND t.relnamespace = current_schema()::regnamespace
                AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = x.indexrelid)
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", cancellationToken);
        return [.. indexes.Select(i => i.Definition)];
    }

    private static async Task<HashSet<string>> TargetColumnsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task<HashSet<string>> SourceColumnsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        var columns = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
