using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class HashBanksAndFileReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HashBankEntryId",
                table: "Flags",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HashBankId",
                table: "Flags",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LinkedReviewCaseId",
                table: "Flags",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MatchDistance",
                table: "Flags",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AllowedMediaHosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllowedMediaHosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentFileReadings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    FileType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByteCount = table.Column<long>(type: "INTEGER", nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LabelsJson = table.Column<string>(type: "TEXT", nullable: true),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: true),
                    ProblemKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProblemArgumentsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentFileReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentFileReadings_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentPerceptualHashes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Quality = table.Column<int>(type: "INTEGER", nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameAtMs = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentPerceptualHashes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentPerceptualHashes_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HashBanks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MatchDistance = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HashBanks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingMediaReads",
                columns: table => new
                {
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingMediaReads", x => x.ContentItemId);
                    table.ForeignKey(
                        name: "FK_PendingMediaReads_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HashBankEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HashBankId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Quality = table.Column<int>(type: "INTEGER", nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HashBankEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HashBankEntries_HashBanks_HashBankId",
                        column: x => x.HashBankId,
                        principalTable: "HashBanks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllowedMediaHosts_Host",
                table: "AllowedMediaHosts",
                column: "Host",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentFileReadings_ContentItemId",
                table: "ContentFileReadings",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentPerceptualHashes_ContentItemId",
                table: "ContentPerceptualHashes",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_HashBankEntries_HashBankId_Hash",
                table: "HashBankEntries",
                columns: new[] { "HashBankId", "Hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HashBankEntries_ReviewCaseId",
                table: "HashBankEntries",
                column: "ReviewCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_HashBanks_Name",
                table: "HashBanks",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PendingMediaReads_NotBeforeUtc",
                table: "PendingMediaReads",
                column: "NotBeforeUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllowedMediaHosts");

            migrationBuilder.DropTable(
                name: "ContentFileReadings");

            migrationBuilder.DropTable(
                name: "ContentPerceptualHashes");

            migrationBuilder.DropTable(
                name: "HashBankEntries");

            migrationBuilder.DropTable(
                name: "PendingMediaReads");

            migrationBuilder.DropTable(
                name: "HashBanks");

            migrationBuilder.DropColumn(
                name: "HashBankEntryId",
                table: "Flags");

            migrationBuilder.DropColumn(
                name: "HashBankId",
                table: "Flags");

            migrationBuilder.DropColumn(
                name: "LinkedReviewCaseId",
                table: "Flags");

            migrationBuilder.DropColumn(
                name: "MatchDistance",
                table: "Flags");
        }
    }
}
