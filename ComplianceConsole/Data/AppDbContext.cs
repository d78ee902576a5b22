using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Features.Verification;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<ProviderSettings> ProviderSettings => Set<ProviderSettings>();
    public DbSet<PlatformUser> PlatformUsers => Set<PlatformUser>();
    public DbSet<VerificationRecord> VerificationRecords => Set<VerificationRecord>();
    public DbSet<VerificationHistoryEntry> VerificationHistory => Set<VerificationHistoryEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<JobRecord> JobRecords => Set<JobRecord>();

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
