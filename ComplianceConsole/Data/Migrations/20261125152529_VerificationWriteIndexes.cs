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

            migrationBuilder.Sql($"""UPDATE "VerificationRecords" SET "IdentifierHashKey" = {HashKeySql("\"IdentifierHash\"")}""");

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

        // The first 15 hex digits of the hash as a number, frozen as the code computed it when this migration was written.
        private static string HashKeySql(string column) => string.Join(" + ", Enumerable.Range(0, 15).Select(i =>
            $"((instr('0123456789abcdef', substr({column}, {i + 1}, 1)) - 1) << {4 * (14 - i)})"));
    }
}
