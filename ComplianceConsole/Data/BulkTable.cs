using System.Data.Common;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// Rows for one table, gathered for a batch and written together inside the caller's transaction: by binary COPY on
/// PostgreSQL (<see cref="PostgreSqlCopy"/>), by one prepared insert re-bound per row on SQLite, where an insert is a call
/// into the library rather than a round trip. Rows carry their ids, so a batch that spans tables is written table by table
/// in foreign-key order, parents first; <see cref="BulkIds"/> says where ids may start and moves the sequences past them.
/// </summary>
public sealed class BulkTable(string name, params string[] columns)
{
    private readonly List<object?[]> _rows = [];

    public string Name => name;

    public int Count => _rows.Count;

    public void Add(params object?[] values)
    {
        if (values.Length != columns.Length) throw new ArgumentException($"\"{name}\" takes {columns.Length} values a row, not {values.Length}.", nameof(values));
        _rows.Add(values);
    }

    /// <summary>Writes the rows gathered so far and forgets them.</summary>
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0) return;
        if (connection is NpgsqlConnection npgsql)
        {
            await PostgreSqlCopy.WriteAsync(npgsql, name, columns, _rows, cancellationToken);
        }
        else
        {
            await using var insert = PreparedCommands.Prepare(connection, transaction,
                $"INSERT INTO \"{name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})",
                [.. columns.Select((_, i) => $"$p{i}")]);
            foreach (var row in _rows) await PreparedCommands.ExecuteAsync(insert, cancellationToken, row);
        }
        _rows.Clear();
    }
}
