using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewerDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each reviewer's decisions per China Standard Time day of the decision, as ReviewerStatistics counted them from the rows
            // (Claimed = 2, Overturned = 2, Escalated = 5); handling times rounded to the second, in HandlingTimeBuckets and their ranges.
            migrationBuilder.Sql("""
                WITH "d" AS MATERIALIZED (
                    SELECT d."DecidedById" AS "ReviewerId", d."DecidedAtUtc", ((d."DecidedAtUtc" AT TIME ZONE 'UTC') + interval '8 hours')::date AS "Day",
                        (SELECT MAX(e."AtUtc") FROM "ReviewCaseEvents" AS e WHERE e."ReviewCaseId" = d."ReviewCaseId" AND e."Kind" = 2
                            AND e."ActorId" = d."DecidedById" AND e."AtUtc" <= d."DecidedAtUtc") AS "ClaimedAtUtc",
                        (SELECT MIN(f."ReceivedAtUtc") FROM "Flags" AS f WHERE f."ReviewCaseId" = d."ReviewCaseId" AND f."HandledAtUtc" = d."DecidedAtUtc") AS "FirstFlagAtUtc",
                        (SELECT MIN(f."DueAtUtc") FROM "Flags" AS f WHERE f."ReviewCaseId" = d."ReviewCaseId" AND f."HandledAtUtc" = d."DecidedAtUtc") AS "DueAtUtc",
                        CASE WHEN EXISTS (SELECT 1 FROM "Appeals" AS a WHERE a."DecisionId" = d."Id" AND a."Outcome" = 2) THEN 1 ELSE 0 END AS "Overturned"
                    FROM "Decisions" AS d
                    WHERE d."Outcome" <> 5 AND d."DecidedById" IS NOT NULL
                ),
                "seconds" AS (
                    SELECT "ReviewerId", "Day", GREATEST(0, CAST(round(CAST(EXTRACT(EPOCH FROM ("DecidedAtUtc" - COALESCE("ClaimedAtUtc", "FirstFlagAtUtc"))) AS double precision)) AS bigint)) AS "Seconds"
                    FROM "d" WHERE COALESCE("ClaimedAtUtc", "FirstFlagAtUtc") IS NOT NULL
                ),
                "buckets" AS (
                    SELECT "ReviewerId", "Day",
                        CASE WHEN "Seconds" < 60 THEN "Seconds" WHEN "Seconds" < 86400 THEN "Seconds" - "Seconds" % 60 ELSE "Seconds" - "Seconds" % 3600 END AS "Bucket"
                    FROM "seconds"
                ),
                "ranges" AS (
                    SELECT "ReviewerId", "Day",
                        CASE WHEN "Bucket" < 60 THEN 0 WHEN "Bucket" < 3600 THEN 60 WHEN "Bucket" < 86400 THEN "Bucket" - "Bucket" % 3600 ELSE "Bucket" - "Bucket" % 86400 END AS "Range"
                    FROM "buckets"
                )
                INSERT INTO "DayCounts" ("Kind", "Key", "Day", "Count")
                SELECT 'Reviewers.Decisions', "ReviewerId", "Day", COUNT(*) FROM "d" GROUP BY "ReviewerId", "Day"
                UNION ALL
                SELECT 'Reviewers.WithLimit', "ReviewerId", "Day", COUNT(*) FROM "d" WHERE "DueAtUtc" IS NOT NULL GROUP BY "ReviewerId", "Day"
                UNION ALL
                SELECT 'Reviewers.WithinLimit', "ReviewerId", "Day", COUNT(*) FROM "d" WHERE "DecidedAtUtc" <= "DueAtUtc" GROUP BY "ReviewerId", "Day"
                UNION ALL
                SELECT 'Reviewers.Overturned', "ReviewerId", "Day", COUNT(*) FROM "d" WHERE "Overturned" = 1 GROUP BY "ReviewerId", "Day"
                UNION ALL
                SELECT 'Reviewers.HandlingRanges', "ReviewerId" || '/' || CAST("Range" AS text), "Day", COUNT(*) FROM "ranges" GROUP BY "ReviewerId", "Range", "Day"
                UNION ALL
                SELECT 'Reviewers.Handling', "ReviewerId" || '/' || CAST("Bucket" AS text), "Day", COUNT(*) FROM "buckets" GROUP BY "ReviewerId", "Bucket", "Day"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM "DayCounts" WHERE "Kind" IN ('Reviewers.Decisions', 'Reviewers.WithLimit', 'Reviewers.WithinLimit', 'Reviewers.Overturned',
                    'Reviewers.HandlingRanges', 'Reviewers.Handling')
                """);
        }
    }
}
