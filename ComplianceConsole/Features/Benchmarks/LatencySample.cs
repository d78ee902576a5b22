using System.Diagnostics;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>The median and 95th percentile of an action's time over a number of runs, after warm-up runs that are not counted.</summary>
internal static class LatencySample
{
    public static async Task<(double P50, double P95)> MeasureAsync(Func<Task> action, int iterations, int warmup)
    {
        for (var i = 0; i < warmup; i++) await action();
        var timings = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            timings[i] = stopwatch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(timings);
        return (timings[iterations / 2], timings[(int)Math.Ceiling(iterations * 0.95) - 1]);
    }
}
