using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace ComplianceConsole.Data;

/// <summary>
/// Npgsql's binary COPY into one table: PostgreSQL's fast way in for many rows (one statement, no per-row round trip).
/// Binary COPY must send each value as exactly its column's type, so the column types are read from the catalog once per
/// table and every value is converted to them: the app's own values (an enum, an <c>int</c> for a <c>bigint</c>) and
/// SQLite's storage classes alike (its times as text, booleans as integers, lists as JSON), which is what copying a SQLite
/// database's rows needs.
/// </summary>
internal static class PostgreSqlCopy
{
    private static readonly ConcurrentDictionary<(string Database, string Table), IReadOnlyDictionary<string, NpgsqlDbType>> Types = new();

    /// <summary>Copies the rows into the table's named columns inside the connection's current transaction; returns how many.</summary>
    public static async Task<ulong> WriteAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        var types = await ColumnTypesAsync(connection, table, cancellationToken);
        var columnTypes = columns.Select(c => types.TryGetValue(c, out var type) ? type
            : throw new InvalidOperationException($"Table \"{table}\" has no column \"{c}\".")).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columnTypes.Length; i++)
            {
                if (row[i] is null or DBNull) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(To(columnTypes[i], row[i]!), columnTypes[i], cancellationToken);
            }
        }
        return await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, NpgsqlDbType>> ColumnTypesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var key = (connection.Host + ":" + connection.Port + "/" + connection.Database, table);
        if (Types.TryGetValue(key, out var known)) return known;
        await using var command = new NpgsqlCommand("""
            SELECT a.attname, t.typname FROM pg_attribute AS a JOIN pg_type AS t ON t.oid = a.atttypid
            WHERE a.attrelid = quote_ident(@table)::regclass AND a.attnum > 0 AND NOT a.attisdropped
            """, connection);
        command.Parameters.AddWithValue("table", table);
        var types = new Dictionary<string, NpgsqlDbType>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) types[reader.GetString(0)] = TypeOf(reader.GetString(1));
        }
        return Types[key] = types;
    }

    private static NpgsqlDbType TypeOf(string typeName) => typeName switch
    {
        "int2" => NpgsqlDbType.Smallint,
        "int4" => NpgsqlDbType.Integer,
        "int8" => NpgsqlDbType.Bigint,
        "bool" => NpgsqlDbType.Boolean,
        "text" => NpgsqlDbType.Text,
        "varchar" => NpgsqlDbType.Varchar,
        "bpchar" => NpgsqlDbType.Char,
        "timestamptz" => NpgsqlDbType.TimestampTz,
        "timestamp" => NpgsqlDbType.Timestamp,
        "date" => NpgsqlDbType.Date,
        "bytea" => NpgsqlDbType.Bytea,
        "uuid" => NpgsqlDbType.Uuid,
        "numeric" => NpgsqlDbType.Numeric,
        "float8" => NpgsqlDbType.Double,
        "float4" => NpgsqlDbType.Real,
        "_text" => NpgsqlDbType.Array | NpgsqlDbType.Text,
        _ => NpgsqlDbType.Unknown,
    };

    /// <summary>The value as the CLR type binary COPY writes for the column's type.</summary>
    private static object To(NpgsqlDbType type, object value) => type switch
    {
        NpgsqlDbType.Smallint => Convert.ToInt16(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Integer => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Bigint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Boolean => value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        NpgsqlDbType.Text or NpgsqlDbType.Varchar or NpgsqlDbType.Char => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!,
        NpgsqlDbType.TimestampTz => value switch
        {
            DateTime { Kind: DateTimeKind.Utc } utc => utc,
            DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
            DateTime unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
            DateTimeOffset offset => offset.UtcDateTime,
            _ => DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        },
        NpgsqlDbType.Timestamp => value is DateTime time ? DateTime.SpecifyKind(time, DateTimeKind.Unspecified) : DateTime.Parse((string)value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Date => value switch
        {
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            _ => DateOnly.Parse((string)value, CultureInfo.InvariantCulture),
        },
        NpgsqlDbType.Uuid => value switch { Guid guid => guid, byte[] bytes => new Guid(bytes), _ => Guid.Parse((string)value) },
        NpgsqlDbType.Numeric => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Real => Convert.ToSingle(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Array | NpgsqlDbType.Text => value switch
        {
            string json => JsonSerializer.Deserialize<string[]>(json) ?? [],
            IEnumerable<string> list => list.ToArray(),
            _ => throw new InvalidOperationException($"Cannot copy a {value.GetType().Name} into a text[] column."),
        },
        NpgsqlDbType.Bytea => (byte[])value,
        _ => throw new NotSupportedException($"Binary COPY of a column of this type ({type}) is not supported here."),
    };
}
