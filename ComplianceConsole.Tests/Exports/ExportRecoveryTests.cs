using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>An export run again by Quartz's recovery after its instance died once the file was recorded: nothing is written or audited twice.</summary>
public sealed class ExportRecoveryTests(ExportApp app) : IClassFixture<ExportApp>
{
    [Fact]
    public async Task An_export_recovered_after_its_file_was_recorded_ends_with_the_same_result_and_no_second_file_or_event()
    {
        var (queued, job) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger));
        await using (var db = await app.ContextAsync())
        {
            // As the dead instance left it: the file recorded, the job not yet ended.
            await db.JobRecords.Where(j => j.Id == queued.JobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running));
        }
        var file = Path.Combine(app.App.DataFolderPath, "exports", $"{queued.ExportId}.xlsx.sealed");
        var written = File.GetLastWriteTimeUtc(file);

        await app.App.Services.GetRequiredService<JobExecutor>().RunAsync(queued.JobId, recovering: true, CancellationToken.None);

        var recovered = await app.App.WaitForJobAsync(ExportApp.Manager, queued.JobId);
        Assert.Equal(JobStatus.Succeeded, recovered.Status);
        Assert.Equal(job.Result!.Summary.Key, recovered.Result!.Summary.Key);
        Assert.Equal(job.Result.Summary.Arguments, recovered.Result.Summary.Arguments);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        await using var check = await app.ContextAsync();
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.ExportGenerated && e.TargetId == queued.ExportId.ToString()));
    }
}
