using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HashBankId",
                table: "Flags",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LinkedReviewCaseId",
                table: "Flags",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MatchDistance",
                table: "Flags",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AllowedMediaHosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllowedMediaHosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentFileReadings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<long>(type: "bigint", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    FileType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ByteCount = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LabelsJson = table.Column<string>(type: "text", nullable: true),
                    FindingsJson = table.Column<string>(type: "text", nullable: true),
                    ProblemKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProblemArgumentsJson = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Quality = table.Column<int>(type: "integer", nullable: true),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    FrameAtMs = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MatchDistance = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HashBanks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingMediaReads",
                columns: table => new
                {
                    ContentItemId = table.Column<long>(type: "bigint", nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HashBankId = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Quality = table.Column<int>(type: "integer", nullable: true),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
