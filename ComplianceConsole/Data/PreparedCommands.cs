using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Data;

/// <summary>
/// Prepared commands for writing a batch row by row inside the caller's transaction, each re-bound for every row: through
/// the change tracker the same batch cost a tracked entity and a separately built command per row, a fifth of the throughput.
/// Statements name their parameters SQLite's way (<c>$name</c>); on PostgreSQL they are sent as Npgsql's <c>@name</c>.
/// </summary>
internal static partial class PreparedCommands
{
    public static (DbConnection Connection, DbTransaction Transaction) InTransactionOf(AppDbContext db) =>
        (db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The batch is written inside the caller's transaction."));

    public static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        var npgsql = connection is Npgsql.NpgsqlConnection;
        command.Transaction = transaction;
        command.CommandText = npgsql ? DollarParameter().Replace(sql, "@$1") : sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = npgsql && name.StartsWith('$') ? "@" + name[1..] : name;
            command.Parameters.Add(parameter);
        }
        // Npgsql prepares for the types of the values bound, and a column that is null in one row and text in the next would
        // not fit one such plan; bulk paths on PostgreSQL write with binary COPY instead.
        if (!npgsql) command.Prepare();
        return command;
    }

    /// <summary>Binds the values in parameter order (null as SQL NULL) and runs the command, returning its first cell.</summary>
    public static Task<object?> ExecuteAsync(DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteScalarAsync(cancellationToken);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\$([A-Za-z_]\w*)")]
    private static partial System.Text.RegularExpressions.Regex DollarParameter();
}
