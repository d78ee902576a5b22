using System.Text.Json;
using ComplianceConsole.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ComplianceConsole.Data;

/// <summary>
/// <see cref="AppDbContext"/> on PostgreSQL: the same model under its own type, so its migrations (Data/Migrations/PostgreSql)
/// and its model snapshot stay apart from SQLite's. Everything else asks for <see cref="AppDbContext"/> and gets this.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<AppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // JSON text, as SQLite keeps it: as a text[] array the seeded settings row made every migration re-seed it
        // (npgsql/efcore.pg#3635).
        builder.Entity<ProviderSettings>().Property(s => s.AlgorithmFilingNumbers).HasConversion(
            numbers => JsonSerializer.Serialize(numbers, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, n) => HashCode.Combine(hash, n)), list => list.ToList()));
    }
}
