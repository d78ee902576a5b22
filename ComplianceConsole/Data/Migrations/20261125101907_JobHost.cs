using System;
using ComplianceConsole.Data.Migrations.Quartz;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobHost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            QuartzSchema.Create(migrationBuilder, "quartz-4.7-sqlite.sql");

            migrationBuilder.CreateTable(
                name: "JobRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedFromIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Input = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    QueuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    FailureJson = table.Column<string>(type: "TEXT", nullable: true),
                    FilesExpireAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FilesRemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RerunOfId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobRecords_FilesExpireAtUtc",
                table: "JobRecords",
                column: "FilesExpireAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_JobRecords_Kind_Id",
                table: "JobRecords",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRecords_RequestedById_Id",
                table: "JobRecords",
                columns: new[] { "RequestedById", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRecords_Status_Id",
                table: "JobRecords",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QuartzSchema.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "JobRecords");
        }
    }
}
