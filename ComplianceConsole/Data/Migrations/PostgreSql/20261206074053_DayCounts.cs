using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DayCounts",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayCounts", x => new { x.Kind, x.Key, x.Day });
                });

            // The verification records as they stand: pending on the day submitted, decided on the day of the decision (China Standard Time).
            migrationBuilder.Sql("""
                INSERT INTO "DayCounts" ("Kind", "Key", "Day", "Count")
                SELECT 'VerificationRecords',
                    CASE "Status" WHEN 1 THEN 'Pending' WHEN 2 THEN 'Verified' WHEN 3 THEN 'Rejected' WHEN 4 THEN 'Expired' WHEN 5 THEN 'Revoked' END,
                    ((CASE WHEN "Status" = 1 THEN "SubmittedAtUtc" ELSE "DecidedAtUtc" END AT TIME ZONE 'UTC') + interval '8 hours')::date AS "Day", COUNT(*)
                FROM "VerificationRecords" WHERE "Status" = 1 OR "DecidedAtUtc" IS NOT NULL
                GROUP BY "Status", ((CASE WHEN "Status" = 1 THEN "SubmittedAtUtc" ELSE "DecidedAtUtc" END AT TIME ZONE 'UTC') + interval '8 hours')::date
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DayCounts");
        }
    }
}
