using System.IO.Compression;
using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Inspection;

/// <summary>A pack ready to hand over: its zip's name, and how to write the zip.</summary>
public sealed record InspectionPackDownload(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>
/// An inspection pack: one request for every register of one period. Each register is an export of its own in the history
/// (requested, written, downloaded and verified like any other); the pack adds a manifest of their SHA-256, signed, and hands
/// them over as one zip with the public key and the steps to check it.
/// </summary>
public sealed class InspectionPackService(
    IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, JobQueue jobs, ExportService exports,
    ExportHistoryService history, JobQueryService jobQueries, ExportSigner signer, ExportTexts texts)
{
    public static readonly JobKind<InspectionPackInput, InspectionPackJobHandler> JobKind = new("inspection-pack", ExportPermissions.Create, canRerun: false);

    public async Task<Result<ExportQueued>> QueueAsync(ExportForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ExportPermissions.Create);
        var errors = ExportFormRules.ValidatePeriodAndMasking(form);
        if (errors.Count > 0) return Result.Invalid(errors);
        if (form.Unmasked && !await exports.MayUnmaskAsync()) return Result.Refused("Exports.UnmaskedRefused");
        var packForm = new ExportForm { FromDay = form.FromDay, ToDay = form.ToDay, Unmasked = form.Unmasked, UnmaskReason = form.UnmaskReason };

        var registers = exports.Sources.Select(s => exports.NewExport(s.Kind, packForm, actor, scheduleId: null)).ToList();
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            db.ExportJobs.AddRange(registers);
            var first = registers[0];
            await audit.SaveWithAuditAsync(db, actor, AuditActions.InspectionPackRequested, "Export", null,
                new { From = first.FromUtc, To = first.ToUtc, first.Unmasked, Reason = first.UnmaskReason, Kinds = registers.Select(e => e.Kind).ToList() },
                cancellationToken);
        }
        var ids = registers.Select(e => e.Id).ToList();
        var options = new List<JobOption>
        {
            new("Exports.Period", ExportPeriods.DaysText(registers[0].FromUtc, registers[0].ToUtc)),
            new("Exports.Masking", form.Unmasked ? "Exports.Unmasked" : "Exports.Masked", ValueIsKey: true),
            new("Exports.Pack.Registers", ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var jobId = await jobs.EnqueueAsync(JobKind, new InspectionPackInput(ids), options, total: 0, cancellationToken: cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.ExportJobs.Where(e => ids.Contains(e.Id) && e.JobRecordId == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.JobRecordId, jobId), cancellationToken);
        }
        return Result<ExportQueued>.Ok(new ExportQueued(ids[0], jobId));
    }

    /// <summary>
    /// The pack of a finished pack job I may see, when every register in it is still kept and I may download each (an unmasked
    /// one only while I may see PII); each register's download is audited as any download is. Null otherwise.
    /// </summary>
    public async Task<InspectionPackDownload?> OpenAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var manifestFile = await jobQueries.OpenFileAsync(jobId, InspectionPackManifest.FileName, cancellationToken);
        var signatureFile = await jobQueries.OpenFileAsync(jobId, InspectionPackManifest.SignatureFileName, cancellationToken);
        if (manifestFile is null || signatureFile is null) return null;
        var manifestBytes = await File.ReadAllBytesAsync(manifestFile.Path, cancellationToken);
        var signature = await File.ReadAllBytesAsync(signatureFile.Path, cancellationToken);
        if (InspectionPackManifest.Read(manifestBytes) is not { } manifest) return null;

        var workbooks = new List<(string Name, ExportDownload Download)>();
        foreach (var file in manifest.Files)
        {
            if (await history.OpenAsync(file.ExportNumber, cancellationToken) is not { } download)
            {
                foreach (var opened in workbooks) await opened.Download.Workbook.DisposeAsync();
                return null;
            }
            workbooks.Add((file.Name, download));
        }
        var name = $"inspection-pack-{manifest.PeriodFirstDay}-{manifest.PeriodLastDay}-{manifest.PackNumber}.zip";
        return new InspectionPackDownload(name, (output, ct) => WriteZipAsync(output, manifestBytes, signature, workbooks, ct));
    }

    private async Task WriteZipAsync(Stream output, byte[] manifest, byte[] signature, List<(string Name, ExportDownload Download)> workbooks, CancellationToken cancellationToken)
    {
        try
        {
            await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken);
            await AddAsync(zip, InspectionPackManifest.FileName, manifest, cancellationToken);
            await AddAsync(zip, InspectionPackManifest.SignatureFileName, signature, cancellationToken);
            await AddAsync(zip, InspectionPackManifest.PublicKeyFileName, Encoding.ASCII.GetBytes(signer.PublicKeyPem), cancellationToken);
            await AddAsync(zip, "README.txt", Encoding.UTF8.GetBytes(texts.BothLanguages("Exports.Pack.Readme", signer.Fingerprint).Replace("\n", "\r\n")), cancellationToken);
            foreach (var (name, download) in workbooks)
            {
                // Workbooks are zips already: stored, not compressed again.
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                await using var target = await entry.OpenAsync(cancellationToken);
                await download.Workbook.CopyToAsync(target, cancellationToken);
            }
        }
        finally
        {
            foreach (var (_, download) in workbooks) await download.Workbook.DisposeAsync();
        }
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        await using var target = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken);
        await target.WriteAsync(content, cancellationToken);
    }
}
