using ComplianceConsole.Common;
using ComplianceConsole.Common.Tables;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Files;
using ComplianceConsole.Security.Pii;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Verification.Import;

/// <summary>An upload staged (encrypted) for preview: its staging id, the name it had and its type.</summary>
public sealed record ImportFile(string StagingId, string FileName, string Extension);

/// <summary>The header, a few masked sample rows and a guessed mapping, for the person to check before importing.</summary>
public sealed record ImportPreview(IReadOnlyList<string> Headers, IReadOnlyList<string[]> MaskedSamples, int RowCount, string? EncodingName, ImportMapping Mapping);

/// <summary>
/// Receives verification submissions from CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX: an upload is staged
/// encrypted, previewed masked, then imported by a job on the job host (<see cref="VerificationImportJob"/>), so
/// the person can leave the page and find the result and its error report under Jobs.
/// </summary>
public sealed class VerificationImportService(
    PermissionGuard guard, JobQueue jobs, JobStorage storage, EncryptedFiles encryptedFiles, IConfiguration configuration,
    IOptions<FileLimitsOptions> fileLimits)
{
    public const string MaxFileBytesKey = "ComplianceConsole:Import:MaxFileBytes";
    private const long DefaultMaxFileBytes = 50L * 1024 * 1024;
    private const int SampleRows = 5;
    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    public static readonly JobKind<ImportJobInput, VerificationImportJob> Kind = new("verification-import", VerificationPermissions.Import,
        lineHeaderKeys: ["Import.Report.Row", "Import.Report.Column", "Import.Report.Reason"]);

    public long MaxFileBytes => configuration.GetValue(MaxFileBytesKey, DefaultMaxFileBytes);

    /// <summary>The number a refusal's message states: the file limit it went past, or the upload size limit.</summary>
    public object ProblemArgument(string key) => fileLimits.Value.LimitStatedBy(key) ?? MaxFileBytes / (1024 * 1024);

    /// <summary>Stages an upload, encrypted, for preview and import; refused with a message key.</summary>
    public async Task<Result<ImportFile>> ReceiveAsync(Stream content, string fileName, long size, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Import);
        if (size > MaxFileBytes) return Result.Refused("Import.TooLarge");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) return Result.Refused("Import.UnsupportedType");

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0) return Result.Refused("Import.Empty");
        if (!ImportFileSniffing.LooksLike(extension, buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) return Result.Refused("Import.NotATable");
        var path = storage.NewStagingPath();
        await encryptedFiles.WriteAsync(path, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        return Result<ImportFile>.Ok(new ImportFile(JobStorage.StagingIdOf(path), Path.GetFileName(fileName), extension));
    }

    public async Task<Result<ImportPreview>> PreviewAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Import);
        if (storage.StagedPath(file.StagingId) is not { } path || !File.Exists(path)) return Result.Refused("Import.Expired");
        var content = await encryptedFiles.ReadAsync(path, cancellationToken);
        // Reading a workbook is CPU work: off the circuit's thread, so other people's pages stay responsive meanwhile.
        return await Task.Run(() => Preview(content, file.Extension), cancellationToken);
    }

    private Result<ImportPreview> Preview(byte[] content, string extension)
    {
        try
        {
            using var table = ImportTable.Open(content, extension, fileLimits.Value);
            if (table.Headers.Count == 0) return Result.Refused("Import.NoHeader");
            var mapping = ImportMapping.Guess(table.Headers);
            // A first row of data read as column names would show a whole ID number: refuse it instead of showing it.
            if (!mapping.Columns.Values.Any(c => c is not null) && table.Headers.Any(ImportPreviewMasking.LooksLikeData)) return Result.Refused("Import.HeaderLooksLikeData");
            var samples = table.Rows().Take(SampleRows).Select(r => ImportPreviewMasking.Mask(r.Cells, mapping)).ToList();
            var rowCount = table.Rows().Count();
            return Result<ImportPreview>.Ok(new ImportPreview(table.Headers, samples, rowCount, table.EncodingName, mapping));
        }
        catch (FileLimitException e)
        {
            return Result.Refused(e.MessageKey);
        }
        catch (Exception e) when (ImportTable.IsUnreadable(e))
        {
            return Result.Refused("Import.Unreadable");
        }
    }

    /// <summary>Queues the import as a job; the staged upload moves into the job's own folder. Returns the job's id.</summary>
    public async Task<Result<long>> StartAsync(ImportFile file, ImportMapping mapping, int rowCount, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Import);
        if (!mapping.IsComplete) return Result.Refused("Import.MappingIncomplete");
        if (storage.StagedPath(file.StagingId) is not { } path || !File.Exists(path)) return Result.Refused("Import.Expired");
        var input = new ImportJobInput(file.FileName, file.Extension, mapping.Columns.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!.Value));
        var options = new List<JobOption> { new("Jobs.Option.File", file.FileName), new("Jobs.Option.Rows", rowCount.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        return Result<long>.Ok(await jobs.EnqueueAsync(Kind, input, options, rowCount, inputFile: path, cancellationToken));
    }

    /// <summary>Removes an upload that will not be imported (the person chose another file or left the page).</summary>
    public void Discard(ImportFile file)
    {
        if (storage.StagedPath(file.StagingId) is { } path && File.Exists(path)) File.Delete(path);
    }
}
