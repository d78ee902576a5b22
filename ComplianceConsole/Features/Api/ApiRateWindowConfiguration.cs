using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Api;

internal sealed class ApiRateWindowConfiguration : IEntityTypeConfiguration<ApiRateWindow>
{
    public void Configure(EntityTypeBuilder<ApiRateWindow> entity)
    {
        entity.ToTable("ApiRateWindows");
        entity.HasKey(w => new { w.Caller, w.Scope, w.Minute });
        entity.Property(w => w.Scope).HasMaxLength(40);
        // Housekeeping removes past minutes.
        entity.HasIndex(w => w.Minute);
    }
}
