using System;
using System.Collections.Generic;
using ComplianceConsole.Data.Migrations.Quartz;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplianceConsole.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            QuartzSchema.Create(migrationBuilder, "quartz-4.7-postgres.sql");

            migrationBuilder.CreateTable(
                name: "AlgorithmFilings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FilingNumber = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    AlgorithmName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DisplayedAt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlgorithmFilings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    PreferredCulture = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectKind = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Remediation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TargetId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HashKind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Owner = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExportJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiltersJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Unmasked = table.Column<bool>(type: "boolean", nullable: false),
                    UnmaskReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScheduleId = table.Column<long>(type: "bigint", nullable: true),
                    JobRecordId = table.Column<long>(type: "bigint", nullable: true),
                    RowsPerSheet = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: true),
                    Bytes = table.Column<long>(type: "bigint", nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DataDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FileRemovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExportSchedules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MinuteOfDayCst = table.Column<int>(type: "integer", nullable: false),
                    FiltersJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextRunAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastRunAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastExportId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportSchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeatureRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeatureRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedFromIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OptionsJson = table.Column<string>(type: "text", nullable: false),
                    Input = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    QueuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    FailureJson = table.Column<string>(type: "text", nullable: true),
                    FilesExpireAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FilesRemovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RerunOfId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlatformUsers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnifiedSocialCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    AlgorithmFilingNumbers = table.Column<string>(type: "text", nullable: false),
                    LabelingCode = table.Column<string>(type: "text", nullable: false),
                    RequireTwoFactor = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceTimeLimits",
                columns: table => new
                {
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceTimeLimits", x => x.Source);
                });

            migrationBuilder.CreateTable(
                name: "WebhookEndpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EventTypes = table.Column<List<string>>(type: "text[]", nullable: false),
                    EncryptedSecret = table.Column<byte[]>(type: "bytea", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    DisabledReason = table.Column<int>(type: "integer", nullable: true),
                    DisabledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DisabledByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RetryAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FannedOutThroughEventId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEndpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlgorithmFilingChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlgorithmFilingId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FilingNumber = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    AlgorithmName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DisplayedAt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProviderKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FunctionLaunches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AssessmentId = table.Column<long>(type: "bigint", nullable: false),
                    LaunchDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "BiometricConsents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PlatformUserId = table.Column<long>(type: "bigint", nullable: false),
                    DepictedPersonRef = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DepictedPersonNameCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    Edits = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "ContentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AuthorId = table.Column<long>(type: "bigint", nullable: false),
                    MediaType = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Excerpt = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MediaUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DeclaredAiGenerated = table.Column<bool>(type: "boolean", nullable: false),
                    ExplicitLabel = table.Column<int>(type: "integer", nullable: false),
                    ImplicitLabel = table.Column<int>(type: "integer", nullable: false),
                    AigcLabel = table.Column<int>(type: "integer", nullable: true),
                    ContentProducer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ProduceId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ContentPropagator = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PropagateId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReservedCode1 = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReservedCode2 = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "VerificationRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformUserId = table.Column<long>(type: "bigint", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    IdentifierCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdentifierHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdentifierHashKey = table.Column<long>(type: "bigint", nullable: false),
                    RealNameCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsDuplicate = table.Column<bool>(type: "boolean", nullable: false),
                    SubmissionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "PlatformEventOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrderingKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    EndpointId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformEventOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlatformEventOutbox_WebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "WebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentItemChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangesJson = table.Column<string>(type: "text", nullable: false)
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
                name: "VerificationHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VerificationRecordId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FromStatus = table.Column<int>(type: "integer", nullable: true),
                    ToStatus = table.Column<int>(type: "integer", nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EndpointId = table.Column<long>(type: "bigint", nullable: false),
                    PlatformEventId = table.Column<long>(type: "bigint", nullable: false),
                    OrderingKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FailuresInRow = table.Column<int>(type: "integer", nullable: false),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_PlatformEventOutbox_PlatformEventId",
                        column: x => x.PlatformEventId,
                        principalTable: "PlatformEventOutbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_WebhookEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "WebhookEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformAppealId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    ContentItemId = table.Column<long>(type: "bigint", nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: false),
                    SanctionId = table.Column<long>(type: "bigint", nullable: true),
                    PlatformUserId = table.Column<long>(type: "bigint", nullable: false),
                    FlagId = table.Column<long>(type: "bigint", nullable: false),
                    Statement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appeals_PlatformUsers_PlatformUserId",
                        column: x => x.PlatformUserId,
                        principalTable: "PlatformUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FlagId = table.Column<long>(type: "bigint", nullable: false),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    QueueOrder = table.Column<long>(type: "bigint", nullable: false),
                    FlagCount = table.Column<int>(type: "integer", nullable: false),
                    SourceMask = table.Column<int>(type: "integer", nullable: false),
                    MediaType = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    LabelStatus = table.Column<int>(type: "integer", nullable: false),
                    ClaimedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClaimedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClaimedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignedToId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssignedToName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    ContentItemId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReasonText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FeatureRuleId = table.Column<long>(type: "bigint", nullable: true),
                    MatchedText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ComplainantContactCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HandledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: false),
                    Authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: false),
                    FalseClaim = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RefutingStatement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublishedWhere = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformUserId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewCaseId = table.Column<long>(type: "bigint", nullable: true),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true),
                    ImposedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ImposedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ImposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LiftedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LiftedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LiftReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.InsertData(
                table: "ProviderSettings",
                columns: new[] { "Id", "AlgorithmFilingNumbers", "LabelingCode", "ProviderName", "RequireTwoFactor", "UnifiedSocialCreditCode", "UpdatedAtUtc", "UpdatedBy", "Version" },
                values: new object[] { 1, "[]", "", "", false, "", null, null, 0 });

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
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ContentItemId",
                table: "Appeals",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_DecidedAtUtc",
                table: "Appeals",
                column: "DecidedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_DecisionId",
                table: "Appeals",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_FlagId",
                table: "Appeals",
                column: "FlagId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_PlatformAppealId",
                table: "Appeals",
                column: "PlatformAppealId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_PlatformUserId",
                table: "Appeals",
                column: "PlatformUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ReceivedAtUtc",
                table: "Appeals",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ReviewCaseId_State",
                table: "Appeals",
                columns: new[] { "ReviewCaseId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_SanctionId",
                table: "Appeals",
                column: "SanctionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Status_DueDate",
                table: "Assessments",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditCheckpoints_Sequence",
                table: "AuditCheckpoints",
                column: "Sequence");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Action_Sequence",
                table: "AuditEvents",
                columns: new[] { "Action", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorName_Sequence",
                table: "AuditEvents",
                columns: new[] { "ActorName", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OccurredAtUtc",
                table: "AuditEvents",
                column: "OccurredAtUtc");

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
                name: "IX_Decisions_DecidedAtUtc_Outcome",
                table: "Decisions",
                columns: new[] { "DecidedAtUtc", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ReviewCaseId_Id",
                table: "Decisions",
                columns: new[] { "ReviewCaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_Owner_OwnerId",
                table: "EvidenceFiles",
                columns: new[] { "Owner", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_ExpiresAtUtc",
                table: "ExportJobs",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_FileSha256",
                table: "ExportJobs",
                column: "FileSha256");

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_JobRecordId",
                table: "ExportJobs",
                column: "JobRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_RequestedById_Id",
                table: "ExportJobs",
                columns: new[] { "RequestedById", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ExportSchedules_Enabled_NextRunAtUtc",
                table: "ExportSchedules",
                columns: new[] { "Enabled", "NextRunAtUtc" });

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
                name: "IX_Flags_Source_ReceivedAtUtc_DueAtUtc_HandledAtUtc",
                table: "Flags",
                columns: new[] { "Source", "ReceivedAtUtc", "DueAtUtc", "HandledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FunctionLaunches_AssessmentId",
                table: "FunctionLaunches",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FunctionLaunches_LaunchDate",
                table: "FunctionLaunches",
                column: "LaunchDate");

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

            migrationBuilder.CreateIndex(
                name: "IX_PlatformEventOutbox_EndpointId",
                table: "PlatformEventOutbox",
                column: "EndpointId");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformEventOutbox_EventId",
                table: "PlatformEventOutbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlatformUsers_ExternalId",
                table: "PlatformUsers",
                column: "ExternalId",
                unique: true);

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
                name: "IX_ReviewCases_Queue_Source_Appeal",
                table: "ReviewCases",
                columns: new[] { "State", "QueueOrder", "Id" },
                filter: "(\"SourceMask\" & 32) <> 0");

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

            migrationBuilder.CreateIndex(
                name: "IX_VerificationHistory_VerificationRecordId_AtUtc",
                table: "VerificationHistory",
                columns: new[] { "VerificationRecordId", "AtUtc" });

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
                name: "IX_VerificationRecords_IdentifierHashKey",
                table: "VerificationRecords",
                column: "IdentifierHashKey");

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
                name: "IX_VerificationRecords_Method_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Method", "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_PlatformUserId_Status",
                table: "VerificationRecords",
                columns: new[] { "PlatformUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_PlatformUserId_SubmissionKey",
                table: "VerificationRecords",
                columns: new[] { "PlatformUserId", "SubmissionKey" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Status_Method_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Status", "Method", "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_Status_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "Status", "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_SubmittedAtUtc_Id",
                table: "VerificationRecords",
                columns: new[] { "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_EndpointId_OrderingKey_State_PlatformEven~",
                table: "WebhookDeliveries",
                columns: new[] { "EndpointId", "OrderingKey", "State", "PlatformEventId" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_EndpointId_PlatformEventId",
                table: "WebhookDeliveries",
                columns: new[] { "EndpointId", "PlatformEventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_EndpointId_State_NextAttemptAtUtc",
                table: "WebhookDeliveries",
                columns: new[] { "EndpointId", "State", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_PlatformEventId",
                table: "WebhookDeliveries",
                column: "PlatformEventId");

            migrationBuilder.AddForeignKey(
                name: "FK_Appeals_Decisions_DecisionId",
                table: "Appeals",
                column: "DecisionId",
                principalTable: "Decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Appeals_Flags_FlagId",
                table: "Appeals",
                column: "FlagId",
                principalTable: "Flags",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Appeals_ReviewCases_ReviewCaseId",
                table: "Appeals",
                column: "ReviewCaseId",
                principalTable: "ReviewCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Appeals_Sanctions_SanctionId",
                table: "Appeals",
                column: "SanctionId",
                principalTable: "Sanctions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

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
            QuartzSchema.Drop(migrationBuilder);

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewCases_ContentItems_ContentItemId",
                table: "ReviewCases");

            migrationBuilder.DropForeignKey(
                name: "FK_ReviewCases_Decisions_DecisionId",
                table: "ReviewCases");

            migrationBuilder.DropTable(
                name: "AlgorithmFilingChanges");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "BiometricConsents");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "ComplaintFeedback");

            migrationBuilder.DropTable(
                name: "ContentItemChanges");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ExportJobs");

            migrationBuilder.DropTable(
                name: "ExportSchedules");

            migrationBuilder.DropTable(
                name: "FunctionLaunches");

            migrationBuilder.DropTable(
                name: "JobRecords");

            migrationBuilder.DropTable(
                name: "ProviderSettings");

            migrationBuilder.DropTable(
                name: "RegulatorReports");

            migrationBuilder.DropTable(
                name: "ReviewCaseEvents");

            migrationBuilder.DropTable(
                name: "RumourRefutations");

            migrationBuilder.DropTable(
                name: "SourceTimeLimits");

            migrationBuilder.DropTable(
                name: "VerificationHistory");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "AlgorithmFilings");

            migrationBuilder.DropTable(
                name: "Sanctions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Flags");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "VerificationRecords");

            migrationBuilder.DropTable(
                name: "PlatformEventOutbox");

            migrationBuilder.DropTable(
                name: "FeatureRules");

            migrationBuilder.DropTable(
                name: "WebhookEndpoints");

            migrationBuilder.DropTable(
                name: "ContentItems");

            migrationBuilder.DropTable(
                name: "PlatformUsers");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "ReviewCases");
        }
    }
}
