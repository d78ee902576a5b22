using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Storage;

/// <summary>
/// At start-up, after interrupted jobs are marked (<see cref="JobRecovery"/>): removes what an export cut off by a crash left
/// in <c>exports/</c> — its half-written sealed file, or the scratch file of an earlier version — unless its job is still running (another
/// instance sharing the data folder may be writing it). A finished export's sealed file stays.
/// </summary>
internal sealed class ExportLeftovers(IServiceProvider services, IDbContextFactory<AppDbContext> contextFactory, ILogger<ExportLeftovers> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Looked up now, not when hosted services are built: the storage needs the personal-data key, checked only after migrations.
        var storage = services.GetRequiredService<ExportStorage>();
        if (!Directory.Exists(storage.Folder)) return;
        var files = Directory.GetFiles(storage.Folder).Select(path => (Path: path, Id: ExportIdOf(path))).Where(f => f.Id is not null).ToList();
        if (files.Count == 0) return;
        var ids = files.Select(f => f.Id!.Value).Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var exports = await db.ExportJobs.Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, Finished = e.FileSha256 != null, Running = db.JobRecords.Any(j => j.Id == e.JobRecordId && j.Status == JobStatus.Running) })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        foreach (var (path, id) in files)
        {
            var export = exports.GetValueOrDefault(id!.Value);
            if (export is { Running: true }) continue;
            if (path == storage.FileOf(id.Value) && export is { Finished: true }) continue;
            File.Delete(path);
            logger.LogWarning("Removed {File}, left by export {ExportId} when its process stopped.", Path.GetFileName(path), id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The export a file in the folder belongs to: <c>&lt;n&gt;.writing.tmp</c> or <c>&lt;n&gt;.xlsx.sealed</c>.</summary>
    private static long? ExportIdOf(string path) =>
        long.TryParse(Path.GetFileName(path).Split('.')[0], out var id) && (path.EndsWith(".writing.tmp") || path.EndsWith(".xlsx.sealed")) ? id : null;
}
