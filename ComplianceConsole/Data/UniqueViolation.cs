using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// Whether a save failed on a unique index, on either provider: a service that checked for a duplicate first can still
/// lose a race to another writer between its check and its save, and must say "already exists" then, not fail.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;     // SQLITE_CONSTRAINT_UNIQUE
    private const int SqliteConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    public static bool Is(DbUpdateException exception) => exception.InnerException is { } inner && IsRaw(inner);

    /// <summary>The same for a write that bypasses EF's saves (the batch writers' prepared commands and COPY), or EF's wrapping of one.</summary>
    public static bool IsAny(Exception exception) => exception is DbUpdateException update ? Is(update) : IsRaw(exception);

    private static bool IsRaw(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
