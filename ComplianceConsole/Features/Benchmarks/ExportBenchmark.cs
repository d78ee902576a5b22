using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Storage;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// The verification ledger exported at two sizes (100,000 and 1,000,000 rows, or a tenth of <c>--rows</c> and <c>--rows</c>)
/// through the real engine (database reads, PII decryption and masking, SpreadCheetah, the deterministic rewrite,
/// encryption at rest), timed with the process's peak resident memory (VmHWM, reset before each run); then ClosedXML
/// writing the same rows, side by side, at the sizes it can hold in memory (<c>--closedxml-rows</c>, default 100,000).
/// </summary>
public sealed class ExportBenchmark(WebApplication app, int rows, int closedXmlRows)
{
    public async Task RunAsync(TextWriter output)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await BenchmarkHost.SignInAsync(scope.ServiceProvider);
        var actor = await scope.ServiceProvider.GetRequiredService<PermissionGuard>().DemandActorAsync(ExportPermissions.Create);
        var ledger = scope.ServiceProvider.GetServices<IExportSource>().OfType<VerificationLedgerSource>().Single();
        var engine = scope.ServiceProvider.GetRequiredService<ExportEngine>();
        var storage = scope.ServiceProvider.GetRequiredService<ExportStorage>();
        var pii = scope.ServiceProvider.GetRequiredService<PiiProtector>();
        var request = new ExportRequest(ExportKind.VerificationLedger, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateTime.UtcNow.AddDays(1),
            new Dictionary<string, string>(), Unmasked: false);
        var available = await ledger.CountAsync(request, CancellationToken.None);
        output.WriteLine($"Export benchmark: {available:N0} ledger rows in the database, {Environment.ProcessorCount} cores.");
        var folder = Directory.CreateTempSubdirectory("cc-export-bench-").FullName;
        try
        {
            var sizes = new[] { Math.Max(1, rows / 10), rows }.Where(n => n <= available).Distinct().ToList();
            // A warm-up (JIT, the database's pages) not reported; then every SpreadCheetah run before ClosedXML's, whose
            // memory the runtime may keep after it is done and would count in a later run's peak.
            await ExportAsync(new FirstRows(ledger, Math.Min(available, 20_000)));
            // A figure is only as good as the machine was quiet: the load is printed before the runs and after each one.
            output.WriteLine(BenchmarkHost.LoadAverage("before"));
            var cheetah = new Dictionary<int, TimeSpan>();
            foreach (var size in sizes)
            {
                var (elapsed, peak, before, bytes) = await MeasureAsync(() => ExportAsync(new FirstRows(ledger, size)));
                cheetah[size] = elapsed;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SpreadCheetah {size,9:N0} rows: {elapsed.TotalSeconds,6:F2} s, {size / elapsed.TotalSeconds,9:N0} rows/s, peak {peak,5:N0} MB ({before:N0} MB before it), file {bytes / 1024.0 / 1024.0:F1} MB"));
                output.WriteLine(BenchmarkHost.LoadAverage("after it"));
            }
            foreach (var size in sizes)
            {
                if (size > closedXmlRows)
                {
                    output.WriteLine($"ClosedXML     {size,9:N0} rows: not run (it holds the whole workbook in memory; raise --closedxml-rows to try)");
                    continue;
                }
                var (closed, closedPeak, _, _) = await MeasureAsync(async () =>
                {
                    await WriteWithClosedXmlAsync(new FirstRows(ledger, size), request, ledger.Columns, pii, Path.Combine(folder, $"closedxml-{size}.xlsx"));
                    return 0L;
                });
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ClosedXML     {size,9:N0} rows: {closed.TotalSeconds,6:F2} s, {size / closed.TotalSeconds,9:N0} rows/s, peak {closedPeak,5:N0} MB; SpreadCheetah is {closed / cheetah[size]:F1}x faster"));
                output.WriteLine(BenchmarkHost.LoadAverage("after it"));
            }

            async Task<long> ExportAsync(IExportSource cut)
            {
                var run = new ExportRun(request, 0, actor.Name, DateTime.UtcNow, ExportsOptions.MaxRowsPerSheet, null);
                await using var file = File.Create(Path.Combine(folder, "spreadcheetah.xlsx.sealed"));
                await using var sealedFile = storage.Seal(file);
                await engine.WriteAsync(run, cut, sealedFile, null, CancellationToken.None);
                await sealedFile.CompleteAsync(CancellationToken.None);
                return sealedFile.PlainLength;
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Runs one export after a full collection, with the peak resident set reset first (Linux: <c>clear_refs</c> 5). Pooled
    /// SQLite connections are closed first: each keeps the page cache of the queries before it (the count's walk of the
    /// ledger fills up to 64 MB), which is not the export's memory.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, long PeakMegabytes, long BeforeMegabytes, long Bytes)> MeasureAsync(Func<Task<long>> run)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (File.Exists("/proc/self/clear_refs")) await File.WriteAllTextAsync("/proc/self/clear_refs", "5");
        var before = Resident("VmRSS:");
        var watch = Stopwatch.StartNew();
        var bytes = await run();
        watch.Stop();
        return (watch.Elapsed, PeakResidentMegabytes(), before, bytes);
    }

    private static long PeakResidentMegabytes() => Resident("VmHWM:");

    private static long Resident(string field)
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) : null;
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The same rows the same way a ClosedXML exporter would: cell by cell, widths set (AdjustToContents needs fonts Linux lacks).</summary>
    private static async Task WriteWithClosedXmlAsync(IExportSource source, ExportRequest request, IReadOnlyList<ExportColumn> columns, PiiProtector pii,
        string path)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Data");
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c].Key;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        var r = 1;
        await foreach (var row in SealedCell.OpenAllAsync(source.ReadAsync(request, CancellationToken.None), pii, CancellationToken.None))
        {
            r++;
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case DateTime at: cell.Value = Localization.ChinaTime.FromUtc(at); break;
                    case string text: cell.SetValue(text); break;
                    default: cell.Value = Convert.ToDouble(row[c], CultureInfo.InvariantCulture); break;
                }
            }
        }
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, r, columns.Count).SetAutoFilter();
        workbook.SaveAs(path);
    }

    /// <summary>A source's first rows only.</summary>
    private sealed class FirstRows(IExportSource source, long limit) : IExportSource
    {
        public ExportKind Kind => source.Kind;
        public string Article => source.Article;
        public IReadOnlyList<ExportColumn> Columns => source.Columns;
        public IReadOnlyList<ExportFilter> Filters => source.Filters;

        public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) =>
            Math.Min(limit, await source.CountAsync(request, cancellationToken));

        public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            long taken = 0;
            await foreach (var row in source.ReadAsync(request, cancellationToken))
            {
                if (taken++ == limit) yield break;
                yield return row;
            }
        }
    }
}
