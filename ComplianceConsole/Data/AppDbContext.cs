using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// The app's database. This type carries the SQLite migrations (Data/Migrations); <see cref="PostgreSqlAppDbContext"/>,
/// the same model, carries PostgreSQL's (Data/Migrations/PostgreSql), EF Core's way of keeping one migrations set per provider.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The ASP.NET Core Data Protection key ring, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<PendingAuditEvent> PendingAuditEvents => Set<PendingAuditEvent>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<ProviderSettings> ProviderSettings => Set<ProviderSettings>();
    public DbSet<VerificationRecord> VerificationRecords => Set<VerificationRecord>();
    public DbSet<VerificationHistoryEntry> VerificationHistory => Set<VerificationHistoryEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<JobRecord> JobRecords => Set<JobRecord>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentItemChange> ContentItemChanges => Set<ContentItemChange>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();
    public DbSet<ReviewCaseEvent> ReviewCaseEvents => Set<ReviewCaseEvent>();
    public DbSet<ReviewDraft> ReviewDrafts => Set<ReviewDraft>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionFlag> DecisionFlags => Set<DecisionFlag>();
    public DbSet<Sanction> Sanctions => Set<Sanction>();
    public DbSet<RumourRefutation> RumourRefutations => Set<RumourRefutation>();
    public DbSet<RegulatorReport> RegulatorReports => Set<RegulatorReport>();
    public DbSet<ComplaintFeedback> ComplaintFeedback => Set<ComplaintFeedback>();
    public DbSet<FeatureRule> FeatureRules => Set<FeatureRule>();
    public DbSet<SourceTimeLimit> SourceTimeLimits => Set<SourceTimeLimit>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<BiometricConsent> BiometricConsents => Set<BiometricConsent>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<FunctionLaunch> FunctionLaunches => Set<FunctionLaunch>();
    public DbSet<AlgorithmFiling> AlgorithmFilings => Set<AlgorithmFiling>();
    public DbSet<AlgorithmFilingChange> AlgorithmFilingChanges => Set<AlgorithmFilingChange>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<PlatformEvent> PlatformEventOutbox => Set<PlatformEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<ExportSchedule> ExportSchedules => Set<ExportSchedule>();
    public DbSet<RetentionRule> RetentionRules => Set<RetentionRule>();
    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();
    public DbSet<RunningInstance> RunningInstances => Set<RunningInstance>();
    public DbSet<DayCount> DayCounts => Set<DayCount>();
    public DbSet<ReviewBacklogCount> ReviewBacklogCounts => Set<ReviewBacklogCount>();
    public DbSet<ReviewDueDayCount> ReviewDueDayCounts => Set<ReviewDueDayCount>();
    public DbSet<HashBank> HashBanks => Set<HashBank>();
    public DbSet<HashBankEntry> HashBankEntries => Set<HashBankEntry>();
    public DbSet<HashBankEntryRemoval> HashBankEntryRemovals => Set<HashBankEntryRemoval>();
    public DbSet<ContentPerceptualHash> ContentPerceptualHashes => Set<ContentPerceptualHash>();
    public DbSet<ContentFileReading> ContentFileReadings => Set<ContentFileReading>();
    public DbSet<PendingMediaRead> PendingMediaReads => Set<PendingMediaRead>();
    public DbSet<PendingSearchItem> PendingSearchItems => Set<PendingSearchItem>();
    public DbSet<AllowedMediaHost> AllowedMediaHosts => Set<AllowedMediaHost>();

    /// <summary>What this unit of work changes in the <see cref="DayCounts"/>; written by the next save, in its transaction.</summary>
    public DayCountChanges DayCountChanges { get; } = new();

    /// <summary>Saves, and writes the <see cref="DayCountChanges"/> in the same transaction (one of its own when the caller began none).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (DayCountChanges.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null) return await SaveWithCountsAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveWithCountsAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => DayCountChanges.IsEmpty
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new InvalidOperationException("Changes to day counts are saved with SaveChangesAsync.");

    private async Task<int> SaveWithCountsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await DayCountChanges.WriteAsync(this, cancellationToken);
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; reading it back marks it as UTC so conversions to CST are right.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
