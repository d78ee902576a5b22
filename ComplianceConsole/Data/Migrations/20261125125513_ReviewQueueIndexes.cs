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
            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_AssignedToId",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_ClaimedById",
                table: "ReviewCases");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Mine_Assigned",
                table: "ReviewCases",
                columns: new[] { "AssignedToId", "State", "QueueOrder", "Id" },
                filter: "\"AssignedToId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Mine_Claimed",
                table: "ReviewCases",
                columns: new[] { "ClaimedById", "State", "QueueOrder", "Id" },
                filter: "\"ClaimedById\" IS NOT NULL");

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
                name: "IX_ReviewCases_Mine_Assigned",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Mine_Claimed",
                table: "ReviewCases");

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

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_AssignedToId",
                table: "ReviewCases",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_ClaimedById",
                table: "ReviewCases",
                column: "ClaimedById");
        }
    }
}
