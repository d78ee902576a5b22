using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExportSignatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoverSignature",
                table: "ExportJobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoverText",
                table: "ExportJobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SigningKeyFingerprint",
                table: "ExportJobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CoverSignature",
                table: "ExportJobs");

            migrationBuilder.DropColumn(
                name: "CoverText",
                table: "ExportJobs");

            migrationBuilder.DropColumn(
                name: "SigningKeyFingerprint",
                table: "ExportJobs");
        }
    }
}
