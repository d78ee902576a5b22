using System.Diagnostics.Metrics;
using System.Globalization;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// The content batches' phases (<see cref="IngestionMetrics"/>) from now until disposed, as a mean per batch: where a round's time
/// went, printed beside its rate, and the writer's turn a batch holds, which bounds the rate however many clients post.
/// </summary>
internal sealed class IngestionPhaseTally : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly double[] _milliseconds = new double[Enum.GetValues<BatchPhase>().Length];
    private readonly long[] _batches = new long[Enum.GetValues<BatchPhase>().Length];
    private readonly Dictionary<string, double> _tableMilliseconds = [];
    private readonly Lock _gate = new();

    public IngestionPhaseTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName && instrument.Name is IngestionMetrics.PhaseHistogram or IngestionMetrics.TableHistogram)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Value is not string name) continue;
                lock (_gate)
                {
                    if (tag.Key == "table")
                    {
                        _tableMilliseconds[name] = _tableMilliseconds.GetValueOrDefault(name) + value;
                    }
                    else if (tag.Key == "phase")
                    {
                        var phase = Enum.GetValues<BatchPhase>().First(p => IngestionMetrics.PhaseName(p) == name);
                        _milliseconds[(int)phase] += value;
                        _batches[(int)phase]++;
                    }
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The mean of each phase per batch, and the most items a second the writer's turn allows for batches of <paramref name="batchSize"/>.</summary>
    public string Summary(int batchSize)
    {
        lock (_gate)
        {
            double Mean(BatchPhase p) => _batches[(int)p] == 0 ? 0 : _milliseconds[(int)p] / _batches[(int)p];
            var held = Mean(BatchPhase.Lookups) + Mean(BatchPhase.Writing) + Mean(BatchPhase.AuditEvent) + Mean(BatchPhase.Commit);
            return string.Create(CultureInfo.InvariantCulture,
                $"Per batch ({_batches[(int)BatchPhase.Commit]:N0} batches): checking {Mean(BatchPhase.Checking):F1} ms, waiting for the writer {Mean(BatchPhase.WaitingForWriter):F1} ms; the writer's turn {held:F1} ms (lookups {Mean(BatchPhase.Lookups):F1}, writing {Mean(BatchPhase.Writing):F1}, audit event {Mean(BatchPhase.AuditEvent):F1}, commit {Mean(BatchPhase.Commit):F1}): at most {(held > 0 ? batchSize * 1000 / held : 0):N0} items/s however many clients.") +
                Environment.NewLine + "  Writing, by table: " + Tables(_batches[(int)BatchPhase.Commit], Mean(BatchPhase.Writing)) + ".";
        }
    }

    // The rest of the writing phase is gathering the rows and the cases' reads and updates, between the tables' writes.
    private string Tables(long batches, double writing)
    {
        if (batches == 0) return "none";
        var tables = _tableMilliseconds.OrderByDescending(t => t.Value).Select(t => (t.Key, Mean: t.Value / batches)).ToList();
        return string.Join(", ", tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Mean:F1} ms"))) +
            string.Create(CultureInfo.InvariantCulture, $"; the rest {writing - tables.Sum(t => t.Mean):F1} ms");
    }

    public void Dispose() => _listener.Dispose();
}
