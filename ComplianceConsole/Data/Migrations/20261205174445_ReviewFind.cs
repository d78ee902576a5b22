using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewFind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The full-text index of content text (ContentSearchIndex): contentless FTS5 over the text's bigrams, kept by the writers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContentSearch" USING fts5("Terms", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
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
