using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerificationWriteIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_IdentifierHash",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_SubmissionKey",
                table: "VerificationRecords");

            migrationBuilder.AddColumn<long>(
                name: "IdentifierHashKey",
                table: "VerificationRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql($"""UPDATE "VerificationRecords" SET "IdentifierHashKey" = {Features.Verification.VerificationHashes.KeySql("\"IdentifierHash\"")}""");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_IdentifierHashKey",
                table: "VerificationRecords",
                column: "IdentifierHashKey");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_PlatformUserId_SubmissionKey",
                table: "VerificationRecords",
                columns: new[] { "PlatformUserId", "SubmissionKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_IdentifierHashKey",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_PlatformUserId_SubmissionKey",
                table: "VerificationRecords");

            migrationBuilder.DropColumn(
                name: "IdentifierHashKey",
                table: "VerificationRecords");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_IdentifierHash",
                table: "VerificationRecords",
                column: "IdentifierHash");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_SubmissionKey",
                table: "VerificationRecords",
                column: "SubmissionKey",
                unique: true);
        }
    }
}
