using ComplianceConsole.Common;
using ComplianceConsole.Common.Tables;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;
using ComplianceConsole.Security.Files;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Review;

/// <summary>An uploaded keyword file staged for preview: its staging id and the name it had.</summary>
public sealed record KeywordImportFile(string StagingId, string FileName);

/// <summary>The first rows as they will be read, each with what is wrong with it (a duplicate of the library included).</summary>
public sealed record KeywordImportPreview(IReadOnlyList<string> Headers, IReadOnlyList<KeywordImportRow> Samples, IReadOnlySet<int> DuplicateRows, int RowCount, string? EncodingName);

/// <summary>
/// Imports keywords from a CSV file (keyword, reason code, optional note; UTF-8 with or without BOM, or GB18030):
/// staged encrypted like every upload, previewed, then added by <see cref="KeywordImportJob"/> on the job host.
/// </summary>
public sealed class KeywordImportService(PermissionGuard guard, JobQueue jobs, JobStorage storage, EncryptedFiles encryptedFiles,
    IDbContextFactory<AppDbContext> contextFactory, IOptions<FileLimitsOptions> fileLimits)
{
    public const long MaxFileBytes = 10L * 1024 * 1024;
    private const int SampleRows = 10;
    private static readonly string[] Extensions = [".csv", ".txt"];

    public static readonly JobKind<KeywordImportInput, KeywordImportJob> Kind = new("feature-keyword-import", ReviewPermissions.Configure,
        lineHeaderKeys: ["Import.Report.Row", "Import.Report.Column", "Import.Report.Reason"]);

    public async Task<Result<KeywordImportFile>> ReceiveAsync(Stream content, string fileName, long size, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        if (size > MaxFileBytes) return Result.Refused("KeywordImport.TooLarge");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) return Result.Refused("KeywordImport.UnsupportedType");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0) return Result.Refused("Import.Empty");
        if (!ImportFileSniffing.LooksLike(extension, buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) return Result.Refused("Import.NotATable");
        var path = storage.NewStagingPath();
        await encryptedFiles.WriteAsync(path, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        return Result<KeywordImportFile>.Ok(new KeywordImportFile(JobStorage.StagingIdOf(path), Path.GetFileName(fileName)));
    }

    public async Task<Result<KeywordImportPreview>> PreviewAsync(KeywordImportFile file, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        if (storage.StagedPath(file.StagingId) is not { } path || !File.Exists(path)) return Result.Refused("Import.Expired");
        try
        {
            using var table = ImportTable.Open(await encryptedFiles.ReadAsync(path, cancellationToken), ".csv", fileLimits.Value);
            if (table.Headers.Count < 2) return Result.Refused("KeywordImport.NoHeader");
            var columns = KeywordImportColumns.From(table.Headers);
            var samples = table.Rows().Take(SampleRows).Select(r => columns.Read(r.RowNumber, r.Cells)).ToList();
            var values = samples.Select(s => s.Value).ToList();
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var existing = (await db.FeatureRules.AsNoTracking().Where(r => r.Kind == FeatureRuleKind.Keyword && values.Contains(r.Value))
                .Select(r => r.Value).ToListAsync(cancellationToken)).ToHashSet();
            var duplicates = samples.Where(s => s.Errors.Count == 0 && existing.Contains(s.Value)).Select(s => s.RowNumber).ToHashSet();
            return Result<KeywordImportPreview>.Ok(new KeywordImportPreview(table.Headers, samples, duplicates, table.Rows().Count(), table.EncodingName));
        }
        catch (Exception e) when (ImportTable.IsUnreadable(e))
        {
            return Result.Refused("Import.Unreadable");
        }
    }

    public async Task<Result<long>> StartAsync(KeywordImportFile file, int rowCount, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        if (storage.StagedPath(file.StagingId) is not { } path || !File.Exists(path)) return Result.Refused("Import.Expired");
        var options = new List<JobOption> { new("Jobs.Option.File", file.FileName), new("Jobs.Option.Rows", rowCount.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        return Result<long>.Ok(await jobs.EnqueueAsync(Kind, new KeywordImportInput(file.FileName), options, rowCount, inputFile: path, cancellationToken));
    }

    public void Discard(KeywordImportFile file)
    {
        if (storage.StagedPath(file.StagingId) is { } path && File.Exists(path)) File.Delete(path);
    }
}
