using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerificationStatusMethodIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Status_Method_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Status", "Method", "SubmittedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_Status_Method_SubmittedAtUtc_Id",
                table: "VerificationRecords");
        }
    }
}
