using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplianceConsole.Data.Migrations.Quartz;

/// <summary>
/// The tables of Quartz.NET's persistent job store, created by our migrations so a fresh database needs nothing by
/// hand. The script is Quartz 4.7's own for the provider (prefix QRTZ_), kept here as it was when this migration
/// was written, so the migration never changes under a later Quartz version.
/// </summary>
internal static class QuartzSchema
{
    // Statements are separated by a line reading exactly "--;;" (the header mentions it mid-line, too).
    private static readonly System.Text.RegularExpressions.Regex StatementSeparator = new(@"^--;;\s*$", System.Text.RegularExpressions.RegexOptions.Multiline);

    public static void Create(MigrationBuilder migrationBuilder, string scriptName)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"{typeof(QuartzSchema).Namespace}.{scriptName}")
            ?? throw new InvalidOperationException($"The Quartz schema script {scriptName} is not embedded in the app.");
        var script = new StreamReader(stream).ReadToEnd();
        foreach (var statement in StatementSeparator.Split(script).Select(s => s.Trim()).Where(IsStatement))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in (string[])["FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS",
                     "SIMPROP_TRIGGERS", "CRON_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS", "EXECUTION_HISTORY",
                     "MISFIRE_HISTORY", "JOB_STATUS"])
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS QRTZ_{table}");
        }
    }

    // A piece of the script holding only comments (its header) is not a statement.
    private static bool IsStatement(string piece) =>
        piece.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal));
}
