using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_FeatureLibrary",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 1) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_LabelCheck",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 4) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_RegulatorNotice",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 8) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_UserComplaint",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 2) <> 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Queue",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Queue_Source_FeatureLibrary",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Queue_Source_LabelCheck",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Queue_Source_RegulatorNotice",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Queue_Source_UserComplaint",
                table: "ReviewCases");
        }
    }
}
