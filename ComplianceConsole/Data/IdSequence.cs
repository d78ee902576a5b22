using System.Data.Common;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// Ids for the new rows of one table that a batch gathers (<see cref="BulkTable"/>) and writes later, taken up front so that
/// rows in other tables can name them. On PostgreSQL they come from the table's identity sequence, which other writers
/// share, in blocks that grow with use (8, 16, … 1,024), or as large as the batch says it will need, so a one-row batch wastes few
/// ids and a large one takes few round trips. On SQLite the batch's transaction is the only writer, so the next id is read once, past both the largest id
/// and the AUTOINCREMENT counter (an id a purge removed is never handed out again), and counted on from there.
/// </summary>
internal sealed class IdSequence(DbConnection connection, DbTransaction transaction, string table)
{
    private const int FirstBlock = 8, LargestBlock = 1_024;
    private readonly Queue<long> _taken = new();
    private int _block = FirstBlock;
    private long _next;

    /// <summary>
    /// The batch knows it will take about <paramref name="count"/> more ids: the next block is that large, so a batch of a
    /// thousand new rows takes one round trip instead of seven. Ids it does not use are skipped, as a sequence's are anyway.
    /// </summary>
    public void Expect(int count)
    {
        var more = count - _taken.Count;
        if (more > 0) _block = Math.Max(_block, Math.Min(more, LargestExpected));
    }

    private const int LargestExpected = 10_000;

    public async ValueTask<long> NextAsync(CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            if (_taken.Count == 0) await TakeBlockAsync(npgsql, cancellationToken);
            return _taken.Dequeue();
        }
        if (_next == 0) _next = await SqliteNextAsync(cancellationToken);
        return _next++;
    }

    private async Task TakeBlockAsync(NpgsqlConnection npgsql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence(quote_ident(@table), 'Id')) FROM generate_series(1, @count)", npgsql, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("count", _block);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) _taken.Enqueue(reader.GetInt64(0));
        _block = Math.Min(_block * 2, LargestBlock);
    }

    private async Task<long> SqliteNextAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT MAX(COALESCE((SELECT MAX("Id") FROM "{table}"), 0), COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = '{table}'), 0)) + 1
            """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
