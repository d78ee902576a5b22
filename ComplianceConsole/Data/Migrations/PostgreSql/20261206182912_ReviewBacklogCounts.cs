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

            migrationBuilder.CreateTable(
                name: "ReviewDueDayCounts",
                columns: table => new
                {
                    DueDay = table.Column<long>(type: "bigint", nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDueDayCounts", x => new { x.DueDay, x.Slot });
                });
            // The cases already stored, counted once; from here on the triggers keep the counts in the transaction of each write.
            migrationBuilder.Sql("""
                INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                SELECT c."State", b."Bit", 0, COUNT(*) FROM "ReviewCases" AS c
                JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit"
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count")
                SELECT "QueueOrder" / 1440000, 0, COUNT(*) FROM "ReviewCases" WHERE "State" = 1 GROUP BY "QueueOrder" / 1440000
                """);
            // A case counts under its state (open 1, escalated 2) in all (source 0) and under each source bit of its mask
            // (ReviewSources.Bit: 1, 2, 4, 8, 16, 32), and an open case under the day it falls due (its queue order / 1,440,000: UTC
            // days since 1970). A decided case (3) is not counted. The triggers run once a statement, over the rows it wrote
            // (ingestion's and a copy's thousands at once), and each connection adds to its own slot of 32 (its server process's id),
            // so concurrent writers do not wait on each other's rows until they commit; rows in key order.
            migrationBuilder.Sql("""
                CREATE FUNCTION "ReviewBacklogCount"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        WITH c AS MATERIALIZED (SELECT "State", "SourceMask", "QueueOrder", 1 AS "Delta" FROM new_rows),
                        backlog AS (INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                            SELECT c."State", b."Bit", pg_backend_pid() % 32, SUM(c."Delta") FROM c JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                            WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit" HAVING SUM(c."Delta") <> 0 ORDER BY c."State", b."Bit"
                            ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count")
                        INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count")
                        SELECT c."QueueOrder" / 1440000, pg_backend_pid() % 32, SUM(c."Delta") FROM c WHERE c."State" = 1
                        GROUP BY c."QueueOrder" / 1440000 HAVING SUM(c."Delta") <> 0 ORDER BY 1
                        ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "ReviewDueDayCounts"."Count" + excluded."Count";
                    ELSIF TG_OP = 'DELETE' THEN
                        WITH c AS MATERIALIZED (SELECT "State", "SourceMask", "QueueOrder", -1 AS "Delta" FROM old_rows),
                        backlog AS (INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                            SELECT c."State", b."Bit", pg_backend_pid() % 32, SUM(c."Delta") FROM c JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                            WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit" HAVING SUM(c."Delta") <> 0 ORDER BY c."State", b."Bit"
                            ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count")
                        INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count")
                        SELECT c."QueueOrder" / 1440000, pg_backend_pid() % 32, SUM(c."Delta") FROM c WHERE c."State" = 1
                        GROUP BY c."QueueOrder" / 1440000 HAVING SUM(c."Delta") <> 0 ORDER BY 1
                        ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "ReviewDueDayCounts"."Count" + excluded."Count";
                    ELSE
                        WITH c AS MATERIALIZED (SELECT "State", "SourceMask", "QueueOrder", -1 AS "Delta" FROM old_rows UNION ALL SELECT "State", "SourceMask", "QueueOrder", 1 FROM new_rows),
                        backlog AS (INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                            SELECT c."State", b."Bit", pg_backend_pid() % 32, SUM(c."Delta") FROM c JOIN (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b ON b."Bit" = 0 OR (c."SourceMask" & b."Bit") <> 0
                            WHERE c."State" IN (1, 2) GROUP BY c."State", b."Bit" HAVING SUM(c."Delta") <> 0 ORDER BY c."State", b."Bit"
                            ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count")
                        INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count")
                        SELECT c."QueueOrder" / 1440000, pg_backend_pid() % 32, SUM(c."Delta") FROM c WHERE c."State" = 1
                        GROUP BY c."QueueOrder" / 1440000 HAVING SUM(c."Delta") <> 0 ORDER BY 1
                        ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "ReviewDueDayCounts"."Count" + excluded."Count";
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

            migrationBuilder.DropTable(
                name: "ReviewDueDayCounts");
        }
    }
}
