using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DecisionContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AigcLabel",
                table: "Decisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Category",
                table: "Decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ContentProducer",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentPropagator",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExplicitLabel",
                table: "Decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FollowsDecisionId",
                table: "Decisions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImplicitLabel",
                table: "Decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MediaType",
                table: "Decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProduceId",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PropagateId",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservedCode1",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservedCode2",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DecisionFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionId = table.Column<long>(type: "bigint", nullable: false),
                    FlagId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionFlags_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionFlags_Flags_FlagId",
                        column: x => x.FlagId,
                        principalTable: "Flags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_FollowsDecisionId",
                table: "Decisions",
                column: "FollowsDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionFlags_DecisionId_Source",
                table: "DecisionFlags",
                columns: new[] { "DecisionId", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionFlags_FlagId",
                table: "DecisionFlags",
                column: "FlagId");

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_Decisions_FollowsDecisionId",
                table: "Decisions",
                column: "FollowsDecisionId",
                principalTable: "Decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Decisions made before this migration get the best context there is: the item as it stands at migration time (the
            // platform may have re-sent it since), and the flags each one handled (HandledAtUtc) or that were waiting when it was
            // made (an escalation); an appeal's flag is never a decision's. A reopened case's second decision finds no flags: they were
            // handled by the first. Its own SQL, the same on SQLite and PostgreSQL, so a later change to the review code never changes it.
            migrationBuilder.Sql("""
                UPDATE "Decisions" SET "MediaType" = i."MediaType", "Category" = i."Category", "ExplicitLabel" = i."ExplicitLabel",
                    "ImplicitLabel" = i."ImplicitLabel", "AigcLabel" = i."AigcLabel", "ContentProducer" = i."ContentProducer", "ProduceId" = i."ProduceId",
                    "ContentPropagator" = i."ContentPropagator", "PropagateId" = i."PropagateId", "ReservedCode1" = i."ReservedCode1", "ReservedCode2" = i."ReservedCode2"
                FROM "ReviewCases" AS c JOIN "ContentItems" AS i ON i."Id" = c."ContentItemId"
                WHERE c."Id" = "Decisions"."ReviewCaseId";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DecisionFlags" ("DecisionId", "FlagId", "Source", "ReceivedAtUtc", "DueAtUtc")
                SELECT d."Id", f."Id", f."Source", f."ReceivedAtUtc", f."DueAtUtc"
                FROM "Decisions" AS d JOIN "Flags" AS f ON f."ReviewCaseId" = d."ReviewCaseId"
                WHERE f."Source" <> 6 AND f."ReceivedAtUtc" <= d."DecidedAtUtc" AND (f."HandledAtUtc" IS NULL OR f."HandledAtUtc" >= d."DecidedAtUtc");
                """);
            // A decision right after an escalation on the same case settles it (Outcome 5 is Escalated).
            migrationBuilder.Sql("""
                UPDATE "Decisions" SET "FollowsDecisionId" = (SELECT p."Id" FROM "Decisions" AS p
                    WHERE p."ReviewCaseId" = "Decisions"."ReviewCaseId" AND p."Id" < "Decisions"."Id" ORDER BY p."Id" DESC LIMIT 1)
                WHERE "Outcome" <> 5 AND (SELECT p."Outcome" FROM "Decisions" AS p
                    WHERE p."ReviewCaseId" = "Decisions"."ReviewCaseId" AND p."Id" < "Decisions"."Id" ORDER BY p."Id" DESC LIMIT 1) = 5;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Decisions_Decisions_FollowsDecisionId",
                table: "Decisions");

            migrationBuilder.DropTable(
                name: "DecisionFlags");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_FollowsDecisionId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "AigcLabel",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ContentProducer",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ContentPropagator",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ExplicitLabel",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "FollowsDecisionId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ImplicitLabel",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "MediaType",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ProduceId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "PropagateId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ReservedCode1",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ReservedCode2",
                table: "Decisions");
        }
    }
}
