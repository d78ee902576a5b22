using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewFind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The full-text index of content text (ContentSearchIndex): tsvectors of the text's bigrams under GIN, kept by the writers.
            migrationBuilder.Sql("""
                CREATE TABLE "ContentSearch" ("Id" bigint NOT NULL PRIMARY KEY, "Terms" tsvector NOT NULL);
                CREATE INDEX "IX_ContentSearch_Terms" ON "ContentSearch" USING gin ("Terms");
                """);
            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Outcome",
                table: "Decisions",
                columns: new[] { "Outcome", "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Outcome_Reason",
                table: "Decisions",
                columns: new[] { "Outcome", "ReasonCode", "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reason",
                table: "Decisions",
                columns: new[] { "ReasonCode", "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer",
                table: "Decisions",
                columns: new[] { "DecidedById", "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer_Outcome",
                table: "Decisions",
                columns: new[] { "DecidedById", "Outcome", "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer_Outcome_Reason",
                table: "Decisions",
                columns: new[] { "DecidedById", "Outcome", "ReasonCode", "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer_Reason",
                table: "Decisions",
                columns: new[] { "DecidedById", "ReasonCode", "DecidedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ContentSearch";""");
            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Outcome",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Outcome_Reason",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Reason",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Reviewer",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Reviewer_Outcome",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Reviewer_Outcome_Reason",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Reviewer_Reason",
                table: "Decisions");
        }
    }
}
