using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplianceConsole.Features.Api;

/// <summary>The calls one API key (or, unauthenticated, one address) made of one kind in one minute, counted for every instance.</summary>
public sealed class ApiRateWindow
{
    public required string Caller { get; set; }
    public required string Scope { get; set; }

    /// <summary>Whole minutes since the Unix epoch, UTC.</summary>
    public long Minute { get; set; }

    public int Calls { get; set; }
}

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
