using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewBacklogCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewBacklogCounts",
                columns: table => new
                {
                    State = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewBacklogCounts", x => new { x.State, x.Source, x.Slot });
                });
            // The cases already stored, counted once; from here on the triggers keep the counts in the transaction of each write.
            migrationBuilder.Sql("""
                INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                SELECT c."State", b."Bit", 0, COUNT(*) FROM "ReviewCases" AS c
                JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit"
                """);
            // A case counts under its state (open 1, escalated 2) in all (source 0) and under each source bit of its mask
            // (ReviewSources.Bit: 1, 2, 4, 8, 16, 32). A decided case (3) is not counted. The triggers run once a statement, over the
            // rows it wrote (ingestion's and a copy's thousands at once), and each connection adds to its own slot of 32 (its server
            // process's id), so concurrent writers do not wait on each other's row until they commit; rows in (state, source) order.
            migrationBuilder.Sql("""
                CREATE FUNCTION "ReviewBacklogCount"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                        SELECT c."State", b."Bit", pg_backend_pid() % 32, SUM(c."Delta") FROM (SELECT "State", "SourceMask", 1 AS "Delta" FROM new_rows) AS c
                        JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                        WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit" HAVING SUM(c."Delta") <> 0 ORDER BY c."State", b."Bit"
                        ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count";
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                        SELECT c."State", b."Bit", pg_backend_pid() % 32, SUM(c."Delta") FROM (SELECT "State", "SourceMask", -1 AS "Delta" FROM old_rows) AS c
                        JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                        WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit" HAVING SUM(c."Delta") <> 0 ORDER BY c."State", b."Bit"
                        ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count";
                    ELSE
                        INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                        SELECT c."State", b."Bit", pg_backend_pid() % 32, SUM(c."Delta") FROM (SELECT "State", "SourceMask", -1 AS "Delta" FROM old_rows UNION ALL SELECT "State", "SourceMask", 1 FROM new_rows) AS c
                        JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                        WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit" HAVING SUM(c."Delta") <> 0 ORDER BY c."State", b."Bit"
                        ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count";
                    END IF;
                    RETURN NULL;
                END
                $$
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Insert" AFTER INSERT ON "ReviewCases" REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION "ReviewBacklogCount"()
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Update" AFTER UPDATE ON "ReviewCases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION "ReviewBacklogCount"()
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Delete" AFTER DELETE ON "ReviewCases" REFERENCING OLD TABLE AS old_rows
                FOR EACH STATEMENT EXECUTE FUNCTION "ReviewBacklogCount"()
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ReviewCases_Backlog_Insert" ON "ReviewCases" """);
            migrationBuilder.Sql("""DROP TRIGGER "ReviewCases_Backlog_Update" ON "ReviewCases" """);
            migrationBuilder.Sql("""DROP TRIGGER "ReviewCases_Backlog_Delete" ON "ReviewCases" """);
            migrationBuilder.Sql("""DROP FUNCTION "ReviewBacklogCount"() """);
            migrationBuilder.DropTable(
                name: "ReviewBacklogCounts");
        }
    }
}
