using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports.Storage;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// Writes one export on the job host, as the person who asked (an unmasked one only while they still may see PII):
/// the workbook streams into its encrypted file while its SHA-256 is taken; the history entry then gets its rows,
/// size, hashes, signed cover and expiry. A cancelled or failed run leaves no file behind.
/// </summary>
public sealed class ExportJobHandler(
    IDbContextFactory<AppDbContext> contextFactory, ExportEngine engine, ExportStorage storage, PermissionGuard guard, AuditTrail audit,
    ExportsOptions options, Signing.ExportSigner signer, TimeProvider clock) : IJobHandler<ExportJobInput>
{
    public async Task<JobResult> RunAsync(ExportJobInput input, JobContext job, CancellationToken cancellationToken)
    {
        ExportJob export;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            export = await db.ExportJobs.AsNoTracking().SingleAsync(e => e.Id == input.ExportId, cancellationToken);
            await db.ExportJobs.Where(e => e.Id == export.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.JobRecordId, job.JobId), cancellationToken);
        }
        // Run again (Quartz's recovery) after its instance died between recording the finished file and ending the job: written and audited once.
        if (export is { CompletedAtUtc: not null, Rows: { } rows, DataDigest: { } digest })
        {
            return JobResult.Of(JobMessage.Of("Exports.Result", rows, Math.Max(1, (rows + export.RowsPerSheet - 1) / export.RowsPerSheet), digest));
        }
        if (export.Unmasked)
        {
            await guard.DemandAsync(ExportPermissions.Unmasked);
            await guard.DemandAsync(PiiPermissions.Reveal);
        }
        var request = new ExportRequest(export.Kind, export.FromUtc, export.ToUtc,
            JsonSerializer.Deserialize<Dictionary<string, string>>(export.FiltersJson) ?? [], export.Unmasked);
        var run = new ExportRun(request, export.Id, export.RequestedByName, export.RequestedAtUtc, export.RowsPerSheet, export.UnmaskReason);
        var total = engine.SourceOf(export.Kind) is { } source ? await source.CountAsync(request, cancellationToken) : 0;
        await job.ReportAsync(0, (int)Math.Min(total, int.MaxValue), "Exports.Phase.Writing");

        Workbook.ExportWorkbookWritten written;
        string sha256;
        long bytes;
        try
        {
            await using var file = storage.Create(export.Id);
            await using var sealedFile = storage.Seal(file);
            written = await engine.WriteAsync(run, sealedFile, done => job.ReportAsync((int)Math.Min(done, int.MaxValue)), cancellationToken);
            sha256 = await sealedFile.CompleteAsync(cancellationToken);
            bytes = sealedFile.PlainLength;
            // A cancel that arrives while the last rows are sealed still cancels: no file kept, nothing recorded as exported.
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            storage.Delete(export.Id);
            throw;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await contextFactory.CreateDbContextAsync(CancellationToken.None))
        {
            var stored = await db.ExportJobs.SingleAsync(e => e.Id == export.Id, CancellationToken.None);
            stored.Rows = written.Rows;
            stored.Bytes = bytes;
            stored.FileSha256 = sha256;
            stored.DataDigest = written.DataDigest;
            stored.CoverText = written.CoverText;
            stored.CoverSignature = written.Signature;
            stored.SigningKeyFingerprint = signer.Fingerprint;
            stored.CompletedAtUtc = now;
            stored.ExpiresAtUtc = now.AddDays(options.FileRetentionDays);
            stored.FileRemovedAtUtc = null;
            await audit.SaveWithAuditAsync(db, job.Requester, AuditActions.ExportGenerated, "Export", export.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { export.Kind, written.Rows, Bytes = bytes, FileSha256 = sha256, written.DataDigest }, CancellationToken.None);
        }
        await job.ReportAsync((int)Math.Min(written.Rows, int.MaxValue), (int)Math.Min(written.Rows, int.MaxValue), null);
        return JobResult.Of(JobMessage.Of("Exports.Result", written.Rows, written.DataSheets, written.DataDigest));
    }
}
