using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Common.Tables;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Localization;
using ComplianceConsole.Security.Files;
using ComplianceConsole.Security.Pii;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

using ImportRow = (int RowNumber, string[] Cells);
using ParsedRow = (int RowNumber, (ComplianceConsole.Features.Verification.VerificationSubmission Submission, System.Collections.Generic.List<ComplianceConsole.Common.FieldError> Errors) Parsed);

namespace ComplianceConsole.Features.Verification.Import;

/// <summary>
/// Imports a staged upload on the job host, as the person who queued it. Good rows are stored in batches (each one
/// transaction with its audit event); every bad row is written to the error report with its row, column and
/// reason; a row already imported (same user, method, identifier and time) is not stored twice, so a re-run of an
/// interrupted import creates nothing twice.
/// </summary>
public sealed class VerificationImportJob(VerificationSubmissionService submissions, EncryptedFiles encryptedFiles, IStringLocalizer<SharedResource> localizer,
    IOptions<FileLimitsOptions> fileLimits)
    : IJobHandler<ImportJobInput>
{
    public const string ErrorReportName = "errors.csv";
    private const int ShownErrors = 50;

    public async Task<JobResult> RunAsync(ImportJobInput input, JobContext job, CancellationToken cancellationToken)
    {
        var mapping = input.Mapping();
        using var table = ImportTable.Open(await encryptedFiles.ReadAsync(job.InputFile, cancellationToken), input.Extension, fileLimits.Value);
        var shown = new List<JobResultLine>();
        int rows = 0, created = 0, already = 0, invalid = 0;
        await using (var report = new StreamWriter(job.CreateFile(ErrorReportName), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            await report.WriteLineAsync(ImportReportCsv.Line(localizer["Import.Report.Row"], localizer["Import.Report.Column"], localizer["Import.Report.Reason"]));
            using var batches = table.Rows().Chunk(VerificationSubmissionService.BatchSize).GetEnumerator();
            // The next batch is read and prepared (validated, hashed, encrypted) while this one is written: the file is read by
            // one task at a time, and the last read ends before the file is closed.
            var ahead = ReadAheadAsync(batches, mapping);
            try
            {
                while (await ahead is { } next)
                {
                    if (cancellationToken.IsCancellationRequested) break;
                    ahead = ReadAheadAsync(batches, mapping);
                    var (batch, parsed, readable) = (next.Rows, next.Parsed, next.Readable);
                    var results = await submissions.WriteBatchAsync(next.Prepared, job.Requester, AuditActions.VerificationImported,
                        new { file = input.FileName, job = job.JobId, firstRow = batch[0].RowNumber, lastRow = batch[^1].RowNumber }, allOrNothing: false, CancellationToken.None);
                    var rowErrors = parsed.Where(p => p.Parsed.Errors.Count > 0).Select(p => (p.RowNumber, Errors: (IReadOnlyList<FieldError>)p.Parsed.Errors))
                        .Concat(readable.Zip(results).Where(x => x.Second.Outcome == SubmissionOutcome.Invalid).Select(x => (x.First.RowNumber, x.Second.Errors)))
                        .OrderBy(e => e.RowNumber);
                    foreach (var (rowNumber, fieldErrors) in rowErrors)
                    {
                        invalid++;
                        foreach (var error in fieldErrors)
                        {
                            var line = new JobResultLine([rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), ColumnOf(error.Field, mapping, table.Headers)],
                                JobMessage.Of(error.MessageKey, error.Arguments));
                            if (shown.Count < ShownErrors) shown.Add(line);
                            // The report file is written once, in the language of the person who ran the import.
                            await report.WriteLineAsync(ImportReportCsv.Line([.. line.Cells, localizer[error.MessageKey, error.Arguments]]));
                        }
                    }
                    created += results.Count(r => r.Outcome == SubmissionOutcome.Created);
                    already += results.Count(r => r.Outcome == SubmissionOutcome.AlreadySubmitted);
                    rows += batch.Length;
                    await job.ReportAsync(rows);
                }
            }
            finally
            {
                await ahead;
            }
        }
        var summary = JobMessage.Of(cancellationToken.IsCancellationRequested ? "Import.ResultCancelled" : "Import.Result", rows, created, already, invalid);
        return new JobResult(summary, invalid > 0 ? [job.DescribeFile(ErrorReportName, "Import.DownloadErrors")] : [], shown);
    }

    /// <summary>The next rows of the file, parsed and prepared for writing; null at the end of the file.</summary>
    private Task<ImportBatch?> ReadAheadAsync(IEnumerator<ImportRow[]> batches, ImportMapping mapping) => Task.Run(() =>
    {
        if (!batches.MoveNext()) return null;
        var rows = batches.Current;
        // Rows whose cells cannot even be read (unknown user type, unreadable time) are reported without being submitted.
        var parsed = rows.Select(row => (row.RowNumber, Parsed: Parse(row.Cells, mapping))).ToList();
        var readable = parsed.Where(p => p.Parsed.Errors.Count == 0).ToList();
        return (ImportBatch?)new ImportBatch(rows, parsed, readable, submissions.PrepareBatch(readable.Select(p => p.Parsed.Submission).ToList(), cores: 1));
    });

    private sealed record ImportBatch(ImportRow[] Rows, List<ParsedRow> Parsed, List<ParsedRow> Readable, VerificationSubmissionService.PreparedBatch Prepared);

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
}
