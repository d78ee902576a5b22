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
            // (ReviewSources.Bit: 1, 2, 4, 8, 16, 32). A decided case (3) is not counted. Each connection adds to its own slot of
            // 32 (its server process's id), so concurrent writers do not wait on each other's row until they commit.
            migrationBuilder.Sql("""
                CREATE FUNCTION "ReviewBacklogCount"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE own_slot integer := pg_backend_pid() % 32;
                BEGIN
                    IF TG_OP <> 'INSERT' AND OLD."State" IN (1, 2) THEN
                        INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                        SELECT OLD."State", b."Bit", own_slot, -1 FROM (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b WHERE b."Bit" = 0 OR (OLD."SourceMask" & b."Bit") <> 0
                        ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count";
                    END IF;
                    IF TG_OP <> 'DELETE' AND NEW."State" IN (1, 2) THEN
                        INSERT INTO "ReviewBacklogCounts" ("State", "Source", "Slot", "Count")
                        SELECT NEW."State", b."Bit", own_slot, 1 FROM (SELECT 0 AS "Bit" UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16 UNION ALL SELECT 32) AS b WHERE b."Bit" = 0 OR (NEW."SourceMask" & b."Bit") <> 0
                        ON CONFLICT ("State", "Source", "Slot") DO UPDATE SET "Count" = "ReviewBacklogCounts"."Count" + excluded."Count";
                    END IF;
                    RETURN NULL;
                END
                $$
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Insert" AFTER INSERT ON "ReviewCases" FOR EACH ROW
                WHEN (NEW."State" IN (1, 2)) EXECUTE FUNCTION "ReviewBacklogCount"()
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Update" AFTER UPDATE OF "State", "SourceMask" ON "ReviewCases" FOR EACH ROW
                WHEN ((OLD."State" IN (1, 2) OR NEW."State" IN (1, 2)) AND (OLD."State" <> NEW."State" OR OLD."SourceMask" <> NEW."SourceMask"))
                EXECUTE FUNCTION "ReviewBacklogCount"()
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReviewCases_Backlog_Delete" AFTER DELETE ON "ReviewCases" FOR EACH ROW
                WHEN (OLD."State" IN (1, 2)) EXECUTE FUNCTION "ReviewBacklogCount"()
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
