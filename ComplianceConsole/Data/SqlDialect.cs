using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>The few SQL expressions that differ between SQLite and PostgreSQL, for the raw queries that need them.</summary>
internal static class SqlDialect
{
    /// <summary>
    /// Seconds from <paramref name="earlier"/> to <paramref name="later"/> (two column expressions holding UTC times), as a floating-point
    /// number: SQLite keeps times as ISO 8601 text (<c>julianday</c> reads it, fractions included), PostgreSQL as timestamps.
    /// </summary>
    public static string SecondsBetween(DbContext db, string later, string earlier) => db.Database.IsNpgsql()
        ? $"CAST(EXTRACT(EPOCH FROM ({later} - {earlier})) AS double precision)"
        : $"((julianday({later}) - julianday({earlier})) * 86400.0)";
}
