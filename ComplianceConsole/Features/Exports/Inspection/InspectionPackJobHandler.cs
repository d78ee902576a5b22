using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Inspection;

/// <summary>The job input: the pack's exports in the history, one per kind, in the order they go into the pack.</summary>
public sealed record InspectionPackInput(IReadOnlyList<long> ExportIds);

/// <summary>
/// Writes every register of an inspection pack on the job host — each exactly as a single export is written and recorded in
/// the history — then its manifest with each file's SHA-256, signed. The zip itself is put together at download from the
/// sealed files, so no workbook is ever kept unencrypted.
/// </summary>
public sealed class InspectionPackJobHandler(
    IDbContextFactory<AppDbContext> contextFactory, ExportJobHandler exports, ExportTexts texts, ExportSigner signer) : IJobHandler<InspectionPackInput>
{
    public async Task<JobResult> RunAsync(InspectionPackInput input, JobContext job, CancellationToken cancellationToken)
    {
        foreach (var exportId in input.ExportIds) await exports.RunAsync(new ExportJobInput(exportId), job, cancellationToken);

        var manifest = await ManifestAsync(job.JobId, input.ExportIds, cancellationToken);
        var bytes = manifest.ToBytes();
        await using (var file = job.CreateFile(InspectionPackManifest.FileName)) await file.WriteAsync(bytes, cancellationToken);
        await using (var file = job.CreateFile(InspectionPackManifest.SignatureFileName)) await file.WriteAsync(signer.Sign(bytes), cancellationToken);
        return new JobResult(JobMessage.Of("Exports.Pack.Result", manifest.Files.Count, manifest.Files.Sum(f => f.Rows)),
        [
            job.DescribeFile(InspectionPackManifest.FileName, "Exports.Pack.ManifestFile"),
            job.DescribeFile(InspectionPackManifest.SignatureFileName, "Exports.Pack.SignatureFile"),
        ]);
    }

    private async Task<InspectionPackManifest> ManifestAsync(long packNumber, IReadOnlyList<long> exportIds, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var provider = await db.ProviderSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var written = await db.ExportJobs.AsNoTracking().Where(e => exportIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var first = written[exportIds[0]];
        var files = exportIds.Select(id => written[id]).Select((e, index) => new InspectionPackFile(
            InspectionPackFiles.NameOf(index, e.Kind, e.Id), e.Kind, texts.KindName(e.Kind), e.Id, e.Rows ?? 0, e.FileSha256!, e.DataDigest!)).ToList();
        return new InspectionPackManifest(packNumber, provider?.ProviderName ?? "", provider?.UnifiedSocialCreditCode ?? "",
            ChinaTime.FormatDate(first.FromUtc), ChinaTime.FormatDate(first.ToUtc.AddTicks(-1)), "China Standard Time (UTC+8)",
            first.Unmasked, first.UnmaskReason, first.RequestedByName, first.RequestedAtUtc, signer.Fingerprint, files);
    }
}

/// <summary>How a pack's files are named: numbered in the pack's order, then the kind and the export number.</summary>
public static class InspectionPackFiles
{
    public static string NameOf(int index, ExportKind kind, long exportId) =>
        $"{index + 1:00}-{kind}-{exportId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.xlsx";
}
