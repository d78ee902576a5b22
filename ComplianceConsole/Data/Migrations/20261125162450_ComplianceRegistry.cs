using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LabelingCode",
                table: "ProviderSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AlgorithmFilings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    AlgorithmName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DisplayedAt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlgorithmFilings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Remediation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BiometricConsents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlatformUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    DepictedPersonRef = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DepictedPersonNameCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Edits = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BiometricConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BiometricConsents_PlatformUsers_PlatformUserId",
                        column: x => x.PlatformUserId,
                        principalTable: "PlatformUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Owner = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlgorithmFilingChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlgorithmFilingId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    AlgorithmName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DisplayedAt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlgorithmFilingChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlgorithmFilingChanges_AlgorithmFilings_AlgorithmFilingId",
                        column: x => x.AlgorithmFilingId,
                        principalTable: "AlgorithmFilings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FunctionLaunches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    LaunchDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunctionLaunches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FunctionLaunches_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "ProviderSettings",
                keyColumn: "Id",
                keyValue: 1,
                column: "LabelingCode",
                value: "");

            migrationBuilder.CreateIndex(
                name: "IX_AlgorithmFilingChanges_AlgorithmFilingId_AtUtc",
                table: "AlgorithmFilingChanges",
                columns: new[] { "AlgorithmFilingId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AlgorithmFilings_FilingNumber",
                table: "AlgorithmFilings",
                column: "FilingNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Status_DueDate",
                table: "Assessments",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_BiometricConsents_ExternalId",
                table: "BiometricConsents",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BiometricConsents_PlatformUserId_DepictedPersonRef",
                table: "BiometricConsents",
                columns: new[] { "PlatformUserId", "DepictedPersonRef" });

            migrationBuilder.CreateIndex(
                name: "IX_BiometricConsents_ValidUntilUtc",
                table: "BiometricConsents",
                column: "ValidUntilUtc");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_Owner_OwnerId",
                table: "EvidenceFiles",
                columns: new[] { "Owner", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_FunctionLaunches_AssessmentId",
                table: "FunctionLaunches",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FunctionLaunches_LaunchDate",
                table: "FunctionLaunches",
                column: "LaunchDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlgorithmFilingChanges");

            migrationBuilder.DropTable(
                name: "BiometricConsents");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "FunctionLaunches");

            migrationBuilder.DropTable(
                name: "AlgorithmFilings");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropColumn(
                name: "LabelingCode",
                table: "ProviderSettings");
        }
    }
}
