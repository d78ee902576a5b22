using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Flags_Source_ReceivedAtUtc",
                table: "Flags");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_DecidedAtUtc",
                table: "Decisions");

            migrationBuilder.AddColumn<DateTime>(
                name: "HandledAtUtc",
                table: "Flags",
                type: "TEXT",
                nullable: true);

            // Flags decided before: handled by the first decision on their case after they came in that was not an escalation.
            migrationBuilder.Sql($"""
                UPDATE "Flags" SET "HandledAtUtc" = (SELECT MIN(d."DecidedAtUtc") FROM "Decisions" AS d
                    WHERE d."ReviewCaseId" = "Flags"."ReviewCaseId" AND d."DecidedAtUtc" >= "Flags"."ReceivedAtUtc"
                        AND d."Outcome" <> 5)
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Flags_Source_ReceivedAtUtc_DueAtUtc_HandledAtUtc",
                table: "Flags",
                columns: new[] { "Source", "ReceivedAtUtc", "DueAtUtc", "HandledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_DecidedAtUtc_Outcome",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Flags_Source_ReceivedAtUtc_DueAtUtc_HandledAtUtc",
                table: "Flags");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_DecidedAtUtc_Outcome",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "HandledAtUtc",
                table: "Flags");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_Source_ReceivedAtUtc",
                table: "Flags",
                columns: new[] { "Source", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_DecidedAtUtc",
                table: "Decisions",
                column: "DecidedAtUtc");
        }
    }
}
