using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Flags_Open_DueAtUtc",
                table: "Flags",
                columns: new[] { "DueAtUtc", "Source", "ReceivedAtUtc" },
                filter: "\"HandledAtUtc\" IS NULL");

            // Decisions by outcome on the day decided; flags by source on the day received, and those handled by their due time (China Standard Time).
            migrationBuilder.Sql("""
                INSERT INTO "DayCounts" ("Kind", "Key", "Day", "Count")
                SELECT 'Decisions', CASE "Outcome" WHEN 1 THEN 'NoViolation' WHEN 2 THEN 'LabelRequired' WHEN 3 THEN 'Removed' WHEN 4 THEN 'RumourRefuted' WHEN 5 THEN 'Escalated' WHEN 6 THEN 'ReportedToRegulator' END, date(substr("DecidedAtUtc", 1, 19), '+8 hours'), COUNT(*) FROM "Decisions" GROUP BY "Outcome", date(substr("DecidedAtUtc", 1, 19), '+8 hours')
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DayCounts" ("Kind", "Key", "Day", "Count")
                SELECT 'Flags.Received', CASE "Source" WHEN 1 THEN 'FeatureLibrary' WHEN 2 THEN 'UserComplaint' WHEN 3 THEN 'LabelCheck' WHEN 4 THEN 'RegulatorNotice' WHEN 5 THEN 'Staff' WHEN 6 THEN 'Appeal' END, date(substr("ReceivedAtUtc", 1, 19), '+8 hours'), COUNT(*) FROM "Flags" GROUP BY "Source", date(substr("ReceivedAtUtc", 1, 19), '+8 hours')
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DayCounts" ("Kind", "Key", "Day", "Count")
                SELECT 'Flags.Met', CASE "Source" WHEN 1 THEN 'FeatureLibrary' WHEN 2 THEN 'UserComplaint' WHEN 3 THEN 'LabelCheck' WHEN 4 THEN 'RegulatorNotice' WHEN 5 THEN 'Staff' WHEN 6 THEN 'Appeal' END, date(substr("ReceivedAtUtc", 1, 19), '+8 hours'), COUNT(*) FROM "Flags" WHERE "HandledAtUtc" <= "DueAtUtc" GROUP BY "Source", date(substr("ReceivedAtUtc", 1, 19), '+8 hours')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "DayCounts" WHERE "Kind" IN ('Decisions', 'Flags.Received', 'Flags.Met')""");
            migrationBuilder.DropIndex(
                name: "IX_Flags_Open_DueAtUtc",
                table: "Flags");
        }
    }
}
