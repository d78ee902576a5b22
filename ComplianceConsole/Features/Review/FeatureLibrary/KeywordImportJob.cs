using System.Globalization;
using System.Text;
using ComplianceConsole.Common.Tables;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Localization;
using ComplianceConsole.Security.Files;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Review;

public sealed record KeywordImportInput(string FileName);

/// <summary>
/// Adds the keywords of a staged file in batches, each batch one transaction with its audit event. A keyword already
/// in the library, or earlier in the file, is skipped and counted, so running an import twice adds nothing twice;
/// a bad row is reported with its row number, column and reason, and the rows around it are still added.
/// </summary>
public sealed class KeywordImportJob(IDbContextFactory<AppDbContext> contextFactory, AuditTrail audit, EncryptedFiles encryptedFiles,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer, IOptions<FileLimitsOptions> fileLimits) : IJobHandler<KeywordImportInput>
{
    public const string ErrorReportName = "errors.csv";
    public const int BatchSize = 1000;
    private const int ShownErrors = 50;

    public async Task<JobResult> RunAsync(KeywordImportInput input, JobContext job, CancellationToken cancellationToken)
    {
        using var table = ImportTable.Open(await encryptedFiles.ReadAsync(job.InputFile, cancellationToken), ".csv", fileLimits.Value);
        var columns = KeywordImportColumns.From(table.Headers);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shown = new List<JobResultLine>();
        int rows = 0, added = 0, duplicates = 0, invalid = 0;
        await using (var report = new StreamWriter(job.CreateFile(ErrorReportName), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            await report.WriteLineAsync(ImportReportCsv.Line(localizer["Import.Report.Row"], localizer["Import.Report.Column"], localizer["Import.Report.Reason"]));
            foreach (var batch in table.Rows().Chunk(BatchSize))
            {
                if (cancellationToken.IsCancellationRequested) break;
                var read = batch.Select(r => columns.Read(r.RowNumber, r.Cells)).ToList();
                foreach (var bad in read.Where(r => r.Errors.Count > 0))
                {
                    invalid++;
                    foreach (var error in bad.Errors)
                    {
                        var line = new JobResultLine([bad.RowNumber.ToString(CultureInfo.InvariantCulture), columns.HeaderOf(error.Field, table.Headers)],
                            JobMessage.Of(error.MessageKey, error.Arguments));
                        if (shown.Count < ShownErrors) shown.Add(line);
                        await report.WriteLineAsync(ImportReportCsv.Line([.. line.Cells, localizer[error.MessageKey, error.Arguments]]));
                    }
                }
                var good = read.Where(r => r.Errors.Count == 0).ToList();
                var fresh = good.Where(r => seen.Add(r.Value)).ToList();
                var stored = await AddAsync(fresh, job, input, batch[0].RowNumber, batch[^1].RowNumber);
                added += stored;
                duplicates += good.Count - stored;
                rows += batch.Length;
                await job.ReportAsync(rows);
            }
        }
        var summary = JobMessage.Of(cancellationToken.IsCancellationRequested ? "KeywordImport.ResultCancelled" : "KeywordImport.Result", rows, added, duplicates, invalid);
        return new JobResult(summary, invalid > 0 ? [job.DescribeFile(ErrorReportName, "Import.DownloadErrors")] : [], shown);
    }

    /// <summary>Adds the keywords of one batch that the library lacks; returns how many. A batch finishes even if the job is cancelled meanwhile.</summary>
    private async Task<int> AddAsync(IReadOnlyList<KeywordImportRow> rows, JobContext job, KeywordImportInput input, int firstRow, int lastRow)
    {
        if (rows.Count == 0) return 0;
        // A Manager may add one of these keywords by hand while the batch is being written: read again and retry once.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
            var values = rows.Select(r => r.Value).ToList();
            var existing = (await db.FeatureRules.AsNoTracking().Where(r => r.Kind == FeatureRuleKind.Keyword && values.Contains(r.Value))
                .Select(r => r.Value).ToListAsync()).ToHashSet(StringComparer.Ordinal);
            var now = clock.GetUtcNow().UtcDateTime;
            var added = rows.Where(r => !existing.Contains(r.Value)).Select(r => new FeatureRule
            {
                Kind = FeatureRuleKind.Keyword, Value = r.Value, ReasonCode = r.ReasonCode, Note = r.Note, Enabled = true, Version = 1,
                CreatedAtUtc = now, CreatedByName = job.Requester.ShownName, UpdatedAtUtc = now, UpdatedByName = job.Requester.ShownName,
            }).ToList();
            if (added.Count == 0) return 0;
            db.FeatureRules.AddRange(added);
            try
            {
                await audit.SaveWithAuditAsync(db, job.Requester, AuditActions.FeatureRulesImported, "Job", job.JobId.ToString(CultureInfo.InvariantCulture),
                    new { file = input.FileName, firstRow, lastRow, added = added.Count, skipped = rows.Count - added.Count }, CancellationToken.None);
                return added.Count;
            }
            catch (DbUpdateException e) when (attempt == 1 && UniqueViolation.Is(e))
            {
            }
        }
    }
}
