using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class GridIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedBy_DecidedAtUtc",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_IsDuplicate_SubmittedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "DecidedAtUtc", "Id" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "DecidedAtUtc", "Id" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_Method_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "Method", "DecidedAtUtc", "Id" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_Method_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "Method", "SubmittedAtUtc", "Id" },
                filter: "\"DecidedBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_Status_DecidedAtUtc_Id_Method",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "Status", "DecidedAtUtc", "Id", "Method" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_Status_SubmittedAtUtc_Id_Method",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "Status", "SubmittedAtUtc", "Id", "Method" },
                filter: "\"DecidedBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "SubmittedAtUtc", "Id" },
                filter: "\"DecidedBy\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_IsDuplicate_DecidedAtUtc_Id_Status_Method_DecidedBy",
                table: "VerificationRecords",
                columns: new[] { "IsDuplicate", "DecidedAtUtc", "Id", "Status", "Method", "DecidedBy" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_IsDuplicate_SubmittedAtUtc_Id_Status_Method_DecidedBy",
                table: "VerificationRecords",
                columns: new[] { "IsDuplicate", "SubmittedAtUtc", "Id", "Status", "Method", "DecidedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Method_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Method", "DecidedAtUtc", "Id" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Status_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Status", "DecidedAtUtc", "Id" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Status_Method_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Status", "Method", "DecidedAtUtc", "Id" },
                filter: "\"DecidedAtUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedBy_DecidedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedBy_Method_DecidedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedBy_Method_SubmittedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedBy_Status_DecidedAtUtc_Id_Method",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedBy_Status_SubmittedAtUtc_Id_Method",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_DecidedBy_SubmittedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_IsDuplicate_DecidedAtUtc_Id_Status_Method_DecidedBy",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_IsDuplicate_SubmittedAtUtc_Id_Status_Method_DecidedBy",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_Method_DecidedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_Status_DecidedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_Status_Method_DecidedAtUtc_Id",
                table: "VerificationRecords");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_DecidedAtUtc",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_IsDuplicate_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "IsDuplicate", "SubmittedAtUtc", "Id" });
        }
    }
}
