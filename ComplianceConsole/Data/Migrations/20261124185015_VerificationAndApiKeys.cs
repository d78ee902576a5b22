using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class VerificationAndApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlatformUsers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    IdentifierCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IdentifierHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RealNameCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsDuplicate = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmissionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationRecords_PlatformUsers_PlatformUserId",
                        column: x => x.PlatformUserId,
                        principalTable: "PlatformUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VerificationHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VerificationRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationHistory_VerificationRecords_VerificationRecordId",
                        column: x => x.VerificationRecordId,
                        principalTable: "VerificationRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlatformUsers_ExternalId",
                table: "PlatformUsers",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerificationHistory_VerificationRecordId_AtUtc",
                table: "VerificationHistory",
                columns: new[] { "VerificationRecordId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "DecidedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_DecidedBy_DecidedAtUtc",
                table: "VerificationRecords",
                columns: new[] { "DecidedBy", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_IdentifierHash",
                table: "VerificationRecords",
                column: "IdentifierHash");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_IsDuplicate_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "IsDuplicate", "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Method_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Method", "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_PlatformUserId_Status",
                table: "VerificationRecords",
                columns: new[] { "PlatformUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Status_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Status", "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_SubmissionKey",
                table: "VerificationRecords",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "SubmittedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "VerificationHistory");

            migrationBuilder.DropTable(
                name: "VerificationRecords");

            migrationBuilder.DropTable(
                name: "PlatformUsers");
        }
    }
}
