using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Verification.Import;

/// <summary>An uploaded file kept in the data folder until it is imported or abandoned.</summary>
public sealed record ImportFile(string Id, string FileName, string Path);

/// <summary>The header, a few masked sample rows and a guessed mapping, for the person to check before importing.</summary>
public sealed record ImportPreview(IReadOnlyList<string> Headers, IReadOnlyList<string[]> MaskedSamples, int RowCount, string? EncodingName, ImportMapping Mapping);

/// <summary>One bad row: where (row number, column) and why, in the importer's language.</summary>
public sealed record ImportError(int RowNumber, string Column, string Reason);

public sealed record ImportOutcome(int Rows, int Created, int AlreadySubmitted, int Invalid, bool Cancelled, IReadOnlyList<ImportError> Errors, string? ErrorReportId);

/// <summary>
/// Imports platform users and their verification submissions from CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX.
/// Good rows are stored in batches; every bad row is reported with its row, column and reason; a row already
/// imported (same user, method, identifier and time) is not stored twice.
/// </summary>
public sealed class VerificationImportService(
    PermissionGuard guard, VerificationSubmissionService submissions, DataFolder dataFolder, IConfiguration configuration,
    IMemoryCache cache, IStringLocalizer<SharedResource> localizer)
{
    public const string MaxFileBytesKey = "ComplianceConsole:Import:MaxFileBytes";
    private const long DefaultMaxFileBytes = 50L * 1024 * 1024;
    private const int SampleRows = 5;
    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    public long MaxFileBytes => configuration.GetValue(MaxFileBytesKey, DefaultMaxFileBytes);

    /// <summary>Stores an upload for preview and import; null with a message key when it is refused.</summary>
    public async Task<(ImportFile? File, string? ErrorKey)> ReceiveAsync(Stream content, string fileName, long size, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Import);
        if (size > MaxFileBytes) return (null, "Import.TooLarge");
        var extension = System.IO.Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) return (null, "Import.UnsupportedType");

        var id = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateDirectory(dataFolder.File("imports")).FullName;
        var path = System.IO.Path.Combine(folder, id + extension);
        await using (var file = File.Create(path))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        return (new ImportFile(id, fileName, path), null);
    }

    public async Task<(ImportPreview? Preview, string? ErrorKey)> PreviewAsync(ImportFile file)
    {
        await guard.DemandAsync(VerificationPermissions.Import);
        try
        {
            using var table = ImportTable.Open(file.Path);
            if (table.Headers.Count == 0) return (null, "Import.NoHeader");
            var samples = table.Rows().Take(SampleRows).Select(r => r.Cells.Select(MaskSample).ToArray()).ToList();
            var rowCount = table.Rows().Count(); // streamed: a large file is never held in memory
            return (new ImportPreview(table.Headers, samples, rowCount, table.EncodingName, ImportMapping.Guess(table.Headers)), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or CsvHelper.CsvHelperException or FormatException or ArgumentException)
        {
            return (null, "Import.Unreadable");
        }
    }

    public async Task<ImportOutcome> ImportAsync(ImportFile file, ImportMapping mapping, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Import);
        if (!mapping.IsComplete) throw new ArgumentException("Every required field needs a column.", nameof(mapping));

        using var table = ImportTable.Open(file.Path);
        var errors = new List<ImportError>();
        int rows = 0, created = 0, already = 0, invalid = 0;
        var cancelled = false;
        foreach (var batch in table.Rows().Chunk(VerificationSubmissionService.BatchSize))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            // Rows whose cells cannot even be read (unknown user type, unreadable time) are reported without being submitted.
            var parsed = batch.Select(row => (row.RowNumber, Parsed: Parse(row.Cells, mapping))).ToList();
            var readable = parsed.Where(p => p.Parsed.Errors.Count == 0).ToList();
            var results = await submissions.SaveBatchAsync(readable.Select(p => p.Parsed.Submission).ToList(), actor, AuditActions.VerificationImported,
                new { file = file.FileName, firstRow = batch[0].RowNumber, lastRow = batch[^1].RowNumber }, allOrNothing: false, CancellationToken.None);
            var rowErrors = parsed.Where(p => p.Parsed.Errors.Count > 0).Select(p => (p.RowNumber, Errors: (IReadOnlyList<FieldError>)p.Parsed.Errors))
                .Concat(readable.Zip(results).Where(x => x.Second.Outcome == SubmissionOutcome.Invalid).Select(x => (x.First.RowNumber, x.Second.Errors)))
                .OrderBy(e => e.RowNumber);
            foreach (var (rowNumber, fieldErrors) in rowErrors)
            {
                invalid++;
                errors.AddRange(fieldErrors.Select(e => new ImportError(rowNumber, ColumnOf(e.Field, mapping, table.Headers), localizer[e.MessageKey, e.Arguments])));
            }
            created += results.Count(r => r.Outcome == SubmissionOutcome.Created);
            already += results.Count(r => r.Outcome == SubmissionOutcome.AlreadySubmitted);
            rows += batch.Length;
            progress?.Report(rows);
        }

        File.Delete(file.Path);
        string? reportId = null;
        if (errors.Count > 0)
        {
            reportId = Guid.NewGuid().ToString("N");
            cache.Set(ReportKey(reportId), new ErrorReport(actor.Id, file.FileName, errors), TimeSpan.FromHours(2));
        }
        return new ImportOutcome(rows, created, already, invalid, cancelled, errors, reportId);
    }

    /// <summary>The bad rows of an import as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese right), for the person who ran it.</summary>
    public async Task<(string FileName, byte[] Content)?> ErrorReportAsync(string reportId)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Import);
        if (!cache.TryGetValue(ReportKey(reportId), out ErrorReport? report) || report!.OwnerId != actor.Id) return null;
        var csv = new StringBuilder();
        csv.AppendLine($"{localizer["Import.Report.Row"]},{localizer["Import.Report.Column"]},{localizer["Import.Report.Reason"]}");
        foreach (var error in report.Errors) csv.AppendLine($"{error.RowNumber},{Quote(error.Column)},{Quote(error.Reason)}");
        return ($"{System.IO.Path.GetFileNameWithoutExtension(report.FileName)}-errors.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())]);
    }

    public void Discard(ImportFile file) => File.Delete(file.Path);

    private static (VerificationSubmission Submission, List<FieldError> Errors) Parse(string[] cells, ImportMapping mapping)
    {
        string Cell(ImportField field) => mapping.Columns[field] is { } column && column < cells.Length ? cells[column] : "";
        var errors = new List<FieldError>();
        var method = ImportMapping.ParseMethod(Cell(ImportField.Method));
        var kind = ImportMapping.ParseKind(Cell(ImportField.UserKind));
        if (kind is null) errors.Add(new(nameof(VerificationSubmission.UserKind), "Import.UnknownUserKind"));
        if (!ImportMapping.TryParseTime(Cell(ImportField.SubmittedAt), out var submittedAt)) errors.Add(new(nameof(VerificationSubmission.SubmittedAtUtc), "Import.UnreadableTime"));
        return (new VerificationSubmission(Cell(ImportField.ExternalUserId), Cell(ImportField.UserDisplayName), kind, method,
            Cell(ImportField.Identifier), Cell(ImportField.RealName), submittedAt), errors);
    }

    private static string ColumnOf(string submissionField, ImportMapping mapping, IReadOnlyList<string> headers)
    {
        var field = submissionField switch
        {
            nameof(VerificationSubmission.SubmittedAtUtc) => ImportField.SubmittedAt,
            _ => Enum.Parse<ImportField>(submissionField),
        };
        return mapping.Columns[field] is { } column ? headers[column] : field.ToString();
    }

    // The preview shows enough to recognise a column, never a whole identifier or name.
    private static string MaskSample(string value) => value.Length switch
    {
        0 => "",
        <= 2 => value,
        <= 8 => value[0] + new string('*', value.Length - 1),
        _ => $"{value[..2]}****{value[^2..]}",
    };

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    private static string ReportKey(string id) => "import-errors:" + id;

    private sealed record ErrorReport(string? OwnerId, string FileName, IReadOnlyList<ImportError> Errors);
}
