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
            migrationBuilder.AddColumn<int>(
                name: "SourceMask",
                table: "Decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Decisions made before take their case's sources.
            migrationBuilder.Sql("""
                UPDATE "Decisions" SET "SourceMask" = (SELECT c."SourceMask" FROM "ReviewCases" AS c WHERE c."Id" = "Decisions"."ReviewCaseId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Outcome",
                table: "Decisions",
                columns: new[] { "Outcome", "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Outcome_Reason",
                table: "Decisions",
                columns: new[] { "Outcome", "ReasonCode", "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reason",
                table: "Decisions",
                columns: new[] { "ReasonCode", "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer",
                table: "Decisions",
                columns: new[] { "DecidedById", "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer_Outcome",
                table: "Decisions",
                columns: new[] { "DecidedById", "Outcome", "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer_Outcome_Reason",
                table: "Decisions",
                columns: new[] { "DecidedById", "Outcome", "ReasonCode", "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Reviewer_Reason",
                table: "Decisions",
                columns: new[] { "DecidedById", "ReasonCode", "DecidedAtUtc", "Id", "SourceMask" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Source_Appeal",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id" },
                filter: "(\"SourceMask\" & 32) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Source_FeatureLibrary",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id" },
                filter: "(\"SourceMask\" & 1) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Source_LabelCheck",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id" },
                filter: "(\"SourceMask\" & 4) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Source_RegulatorNotice",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id" },
                filter: "(\"SourceMask\" & 8) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Source_Staff",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id" },
                filter: "(\"SourceMask\" & 16) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Find_Source_UserComplaint",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Id" },
                filter: "(\"SourceMask\" & 2) <> 0");
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

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Source_Appeal",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Source_FeatureLibrary",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Source_LabelCheck",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Source_RegulatorNotice",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Source_Staff",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_Find_Source_UserComplaint",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "SourceMask",
                table: "Decisions");
        }
    }
}
