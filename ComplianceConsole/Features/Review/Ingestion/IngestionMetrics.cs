using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Where a content batch's time goes, as a histogram of milliseconds by phase (<see cref="BatchPhase"/>), for an operator's metrics
/// (<c>dotnet-counters monitor --counters ComplianceConsole.Ingestion</c>, or any OpenTelemetry exporter) and the ingestion benchmark.
/// The phases between taking the writer's turn and the commit are the part no second client can overlap: their sum bounds how many
/// items a second any number of clients can post.
/// </summary>
internal static class IngestionMetrics
{
    public const string MeterName = "ComplianceConsole.Ingestion";
    public const string PhaseHistogram = "cc.ingestion.batch.phase";
    public const string TableHistogram = "cc.ingestion.batch.table";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> Phases = Meter.CreateHistogram<double>(PhaseHistogram, "ms",
        "How long each phase of a content batch took: checking (validation, the feature library, hash banks, before the writer's turn), " +
        "waiting for the writer's turn, then, holding it, lookups, writing, the audit event and the commit.");

    internal static readonly Histogram<double> Tables = Meter.CreateHistogram<double>(TableHistogram, "ms",
        "How long writing a batch's rows of each table took, by table: within a content batch, a part of the writing phase " +
        "(complaints, appeals and media reads write their rows the same way).");

    /// <summary>Records how long writing a batch's rows of <paramref name="table"/> took, since <paramref name="startedAt"/>.</summary>
    public static void TableWritten(string table, long startedAt)
    {
        if (Tables.Enabled) Tables.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, new KeyValuePair<string, object?>("table", table));
    }

    /// <summary>Times one batch's phases one after another, each from the end of the one before.</summary>
    internal sealed class BatchTimer
    {
        private long _last = Stopwatch.GetTimestamp();

        public void Ended(BatchPhase phase)
        {
            var now = Stopwatch.GetTimestamp();
            if (Phases.Enabled)
                Phases.Record(Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds, new KeyValuePair<string, object?>("phase", PhaseName(phase)));
            _last = now;
        }
    }

    public static string PhaseName(BatchPhase phase) => phase switch
    {
        BatchPhase.Checking => "checking",
        BatchPhase.WaitingForWriter => "waiting",
        BatchPhase.Lookups => "lookups",
        BatchPhase.Writing => "writing",
        BatchPhase.AuditEvent => "audit",
        BatchPhase.Commit => "commit",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };
}

/// <summary>A content batch's phases in the order they run; from <see cref="Lookups"/> to <see cref="Commit"/> the batch holds the writer's turn.</summary>
internal enum BatchPhase
{
    Checking,
    WaitingForWriter,
    Lookups,
    Writing,
    AuditEvent,
    Commit,
}
