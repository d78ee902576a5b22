using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplianceConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "ContentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    MediaType = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Excerpt = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DeclaredAiGenerated = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExplicitLabel = table.Column<int>(type: "INTEGER", nullable: false),
                    ImplicitLabel = table.Column<int>(type: "INTEGER", nullable: false),
                    AigcLabel = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentProducer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProduceId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ContentPropagator = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PropagateId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReservedCode1 = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReservedCode2 = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentItems_PlatformUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "PlatformUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeatureRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeatureRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceTimeLimits",
                columns: table => new
                {
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceTimeLimits", x => x.Source);
                });

            migrationBuilder.CreateTable(
                name: "ContentItemChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItemChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentItemChanges_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlagId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueOrder = table.Column<long>(type: "INTEGER", nullable: false),
                    FlagCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceMask = table.Column<int>(type: "INTEGER", nullable: false),
                    MediaType = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClaimedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClaimedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedToId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewCases_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewCases_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReasonText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FeatureRuleId = table.Column<long>(type: "INTEGER", nullable: true),
                    MatchedText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ComplainantContactCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Flags_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Flags_FeatureRules_FeatureRuleId",
                        column: x => x.FeatureRuleId,
                        principalTable: "FeatureRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Flags_ReviewCases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "ReviewCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegulatorReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegulatorReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegulatorReports_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegulatorReports_ReviewCases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "ReviewCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCaseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewCaseEvents_ReviewCases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "ReviewCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RumourRefutations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    FalseClaim = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RefutingStatement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublishedWhere = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RumourRefutations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RumourRefutations_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RumourRefutations_ReviewCases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "ReviewCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sanctions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ImposedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ImposedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sanctions_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_PlatformUsers_PlatformUserId",
                        column: x => x.PlatformUserId,
                        principalTable: "PlatformUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_ReviewCases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "ReviewCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintFeedback_AnsweredAtUtc",
                table: "ComplaintFeedback",
                column: "AnsweredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintFeedback_DecisionId",
                table: "ComplaintFeedback",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintFeedback_FlagId",
                table: "ComplaintFeedback",
                column: "FlagId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintFeedback_ReviewCaseId",
                table: "ComplaintFeedback",
                column: "ReviewCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemChanges_ContentItemId_AtUtc",
                table: "ContentItemChanges",
                columns: new[] { "ContentItemId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_AuthorId",
                table: "ContentItems",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ExternalId",
                table: "ContentItems",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_DecidedAtUtc",
                table: "Decisions",
                column: "DecidedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ReviewCaseId_Id",
                table: "Decisions",
                columns: new[] { "ReviewCaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FeatureRules_Kind_Value",
                table: "FeatureRules",
                columns: new[] { "Kind", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeatureRules_UpdatedAtUtc",
                table: "FeatureRules",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_ContentItemId",
                table: "Flags",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_ExternalId",
                table: "Flags",
                column: "ExternalId",
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_FeatureRuleId",
                table: "Flags",
                column: "FeatureRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_ReviewCaseId",
                table: "Flags",
                column: "ReviewCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_Source_ReceivedAtUtc",
                table: "Flags",
                columns: new[] { "Source", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RegulatorReports_DecisionId",
                table: "RegulatorReports",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatorReports_ReportedAtUtc",
                table: "RegulatorReports",
                column: "ReportedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatorReports_ReviewCaseId",
                table: "RegulatorReports",
                column: "ReviewCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCaseEvents_Kind_AtUtc",
                table: "ReviewCaseEvents",
                columns: new[] { "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCaseEvents_ReviewCaseId_Id",
                table: "ReviewCaseEvents",
                columns: new[] { "ReviewCaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_AuthorId",
                table: "ReviewCases",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_ContentItemId",
                table: "ReviewCases",
                column: "ContentItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_DecisionId",
                table: "ReviewCases",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Mine_Assigned",
                table: "ReviewCases",
                columns: new[] { "AssignedToId", "State", "QueueOrder", "Id" },
                filter: "\"AssignedToId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Mine_Claimed",
                table: "ReviewCases",
                columns: new[] { "ClaimedById", "State", "QueueOrder", "Id" },
                filter: "\"ClaimedById\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Category",
                table: "ReviewCases",
                columns: new[] { "State", "Category", "QueueOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Label",
                table: "ReviewCases",
                columns: new[] { "State", "LabelStatus", "QueueOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_FeatureLibrary",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 1) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_LabelCheck",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 4) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_RegulatorNotice",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 8) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_Staff",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 16) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Queue_Source_UserComplaint",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 2) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_State_DecidedAtUtc",
                table: "ReviewCases",
                columns: new[] { "State", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RumourRefutations_DecisionId",
                table: "RumourRefutations",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_RumourRefutations_PublishedAtUtc",
                table: "RumourRefutations",
                column: "PublishedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RumourRefutations_ReviewCaseId",
                table: "RumourRefutations",
                column: "ReviewCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_DecisionId",
                table: "Sanctions",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_ImposedAtUtc",
                table: "Sanctions",
                column: "ImposedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_PlatformUserId_StartsAtUtc",
                table: "Sanctions",
                columns: new[] { "PlatformUserId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_ReviewCaseId",
                table: "Sanctions",
                column: "ReviewCaseId");

            migrationBuilder.AddForeignKey(
                name: "FK_ComplaintFeedback_Decisions_DecisionId",
                table: "ComplaintFeedback",
                column: "DecisionId",
                principalTable: "Decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ComplaintFeedback_Flags_FlagId",
                table: "ComplaintFeedback",
                column: "FlagId",
                principalTable: "Flags",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ComplaintFeedback_ReviewCases_ReviewCaseId",
                table: "ComplaintFeedback",
                column: "ReviewCaseId",
                principalTable: "ReviewCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_ReviewCases_ReviewCaseId",
                table: "Decisions",
                column: "ReviewCaseId",
                principalTable: "ReviewCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReviewCases_Decisions_DecisionId",
                table: "ReviewCases");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "ComplaintFeedback");

            migrationBuilder.DropTable(
                name: "ContentItemChanges");

            migrationBuilder.DropTable(
                name: "RegulatorReports");

            migrationBuilder.DropTable(
                name: "ReviewCaseEvents");

            migrationBuilder.DropTable(
                name: "RumourRefutations");

            migrationBuilder.DropTable(
                name: "Sanctions");

            migrationBuilder.DropTable(
                name: "SourceTimeLimits");

            migrationBuilder.DropTable(
                name: "Flags");

            migrationBuilder.DropTable(
                name: "FeatureRules");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "ReviewCases");

            migrationBuilder.DropTable(
                name: "ContentItems");
        }
    }
}
