using System.Globalization;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// What the garbage collector did in this process between two moments: collections of each generation, the time they paused
/// it, and the bytes allocated; a benchmark prints it beside a rate so that allocation's share of a run is seen, not guessed.
/// </summary>
internal readonly record struct GcTally(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated, long Ticks)
{
    public static GcTally Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: false), Environment.TickCount64);

    /// <summary>The collections since this tally, with the allocation per <paramref name="unit"/> (an item, a row).</summary>
    public string Since(long units, string unit)
    {
        var (start, end) = (this, Now());
        var elapsed = Math.Max(1, end.Ticks - start.Ticks);
        var paused = end.Paused - start.Paused;
        return string.Create(CultureInfo.InvariantCulture,
            $"GC: {end.Gen0 - start.Gen0:N0} collections ({end.Gen1 - start.Gen1:N0} of them of gen1 or gen2, {end.Gen2 - start.Gen2:N0} of gen2), paused {paused.TotalMilliseconds:N0} ms ({paused.TotalMilliseconds * 100 / elapsed:F1}% of the round), {(end.Allocated - start.Allocated) / 1024.0 / Math.Max(1, units):N1} KB allocated per {unit}.");
    }
}
