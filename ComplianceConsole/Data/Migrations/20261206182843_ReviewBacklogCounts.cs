using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
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
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewBacklogCounts", x => new { x.State, x.Source, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "ReviewDueDayCounts",
                columns: table => new
                {
                    DueDay = table.Column<long>(type: "INTEGER", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
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
            // days since 1970). A decided case (3) is not counted.
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Insert" AFTER INSERT ON "ReviewCases" WHEN NEW."State" IN (1, 2)
                BEGIN
                    INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                    SELECT NEW."State", b."Bit", 0, 1 FROM (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b WHERE b."Bit" = 0 OR (NEW."SourceMask" & b."Bit") <> 0
                    ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count") SELECT NEW."QueueOrder" / 1440000, 0, 1 WHERE NEW."State" = 1
                    ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Update" AFTER UPDATE OF "State", "SourceMask" ON "ReviewCases"
                WHEN (OLD."State" IN (1, 2) OR NEW."State" IN (1, 2)) AND (OLD."State" <> NEW."State" OR OLD."SourceMask" <> NEW."SourceMask")
                BEGIN
                    INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                    SELECT OLD."State", b."Bit", 0, -1 FROM (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b WHERE OLD."State" IN (1, 2) AND (b."Bit" = 0 OR (OLD."SourceMask" & b."Bit") <> 0)
                    ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                    SELECT NEW."State", b."Bit", 0, 1 FROM (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b WHERE NEW."State" IN (1, 2) AND (b."Bit" = 0 OR (NEW."SourceMask" & b."Bit") <> 0)
                    ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_DueDay_Update" AFTER UPDATE OF "State", "QueueOrder" ON "ReviewCases"
                WHEN (OLD."State" = 1 OR NEW."State" = 1) AND (OLD."State" <> NEW."State" OR OLD."QueueOrder" / 1440000 <> NEW."QueueOrder" / 1440000)
                BEGIN
                    INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count") SELECT OLD."QueueOrder" / 1440000, 0, -1 WHERE OLD."State" = 1
                    ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count") SELECT NEW."QueueOrder" / 1440000, 0, 1 WHERE NEW."State" = 1
                    ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Delete" AFTER DELETE ON "ReviewCases" WHEN OLD."State" IN (1, 2)
                BEGIN
                    INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                    SELECT OLD."State", b."Bit", 0, -1 FROM (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b WHERE b."Bit" = 0 OR (OLD."SourceMask" & b."Bit") <> 0
                    ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReviewDueDayCounts" ("DueDay", "Slot", "Count") SELECT OLD."QueueOrder" / 1440000, 0, -1 WHERE OLD."State" = 1
                    ON CONFLICT ("DueDay", "Slot") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ReviewCases_Backlog_Insert" """);
            migrationBuilder.Sql("""DROP TRIGGER "ReviewCases_Backlog_Update" """);
            migrationBuilder.Sql("""DROP TRIGGER "ReviewCases_DueDay_Update" """);
            migrationBuilder.Sql("""DROP TRIGGER "ReviewCases_Backlog_Delete" """);
            migrationBuilder.DropTable(
                name: "ReviewBacklogCounts");

            migrationBuilder.DropTable(
                name: "ReviewDueDayCounts");
        }
    }
}
