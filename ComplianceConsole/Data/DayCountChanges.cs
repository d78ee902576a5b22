using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// The changes a unit of work makes to the <see cref="DayCount"/>s, gathered in memory and written by the context's next save in its
/// transaction (<see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>): one upsert (<c>count = count + delta</c>) per
/// key per save, whatever the batch's size, in key order so that writers on PostgreSQL lock shared rows in the same order.
/// </summary>
public sealed class DayCountChanges
{
    private const int RowsPerStatement = 200;
    private readonly Dictionary<(string Kind, string Key, DateOnly Day), long> _deltas = [];

    public bool IsEmpty => _deltas.Count == 0;

    public void Add(string kind, string key, DateTime atUtc, long delta) => Add(kind, key, ChinaTime.DayOf(atUtc), delta);

    public void Add(string kind, string key, DateOnly day, long delta)
    {
        if (delta == 0) return;
        _deltas[(kind, key, day)] = _deltas.GetValueOrDefault((kind, key, day)) + delta;
    }

    internal async Task WriteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var ordered = _deltas.Where(d => d.Value != 0)
            .OrderBy(d => d.Key.Kind, StringComparer.Ordinal).ThenBy(d => d.Key.Key, StringComparer.Ordinal).ThenBy(d => d.Key.Day);
        foreach (var chunk in ordered.Chunk(RowsPerStatement))
        {
            var rows = string.Join(", ", chunk.Select((_, i) => $"({{{4 * i}}}, {{{4 * i + 1}}}, {{{4 * i + 2}}}, {{{4 * i + 3}}})"));
            var values = chunk.SelectMany(d => new object[] { d.Key.Kind, d.Key.Key, d.Key.Day, d.Value }).ToArray();
#pragma warning disable EF1002 // only placeholders are interpolated; the values are parameters
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "DayCounts" ("Kind", "Key", "Day", "Count") VALUES {rows}
                ON CONFLICT ("Kind", "Key", "Day") DO UPDATE SET "Count" = "DayCounts"."Count" + excluded."Count"
                """, values, cancellationToken);
#pragma warning restore EF1002
        }
        _deltas.Clear();
    }
}
