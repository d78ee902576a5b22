using System.Net;
using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Verification.Import;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ComplianceConsole.Tests.Jobs;

/// <summary>
/// The job host with the real app: work is queued under a person, runs as them (checked again when it starts),
/// stops between batches, survives restarts, and its files are kept for the retention period only.
/// </summary>
public sealed class JobHostTests : IAsyncLifetime
{
    private const string Verifier = "jobs-verifier@example.cn";
    private readonly List<TestApp> _apps = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private async Task<TestApp> StartAsync(string? dataFolder = null)
    {
        var app = new TestApp(dataFolderPath: dataFolder) { KeepDataFolder = true };
        _apps.Add(app);
        if (dataFolder is null)
        {
            await app.CompleteSetupAsync();
            await app.CreateStaffAsync(Verifier, Roles.Verifier);
        }
        return app;
    }

    /// <summary>Holds the job host (Quartz in standby) so that queued work waits, as it would behind other work.</summary>
    private static Task<IScheduler> HoldJobsAsync(TestApp app) => app.HoldJobsAsync();

    private static async Task<long> QueueImportAsync(TestApp app, int goodRows, int badRows = 0, string prefix = "job")
    {
        var csv = new StringBuilder("平台用户ID,核验方式,证件号码,真实姓名,提交时间\n");
        for (var i = 0; i < goodRows; i++) csv.Append(FormattableString.Invariant($"{prefix}-{i},手机号码,139{i:D8},用户{i},2026-11-01 10:00:00\n"));
        for (var i = 0; i < badRows; i++) csv.Append(FormattableString.Invariant($"{prefix}-bad-{i},手机号码,12345,坏{i},2026-11-01 10:00:00\n"));
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        await using var scope = app.As(Verifier);
        var imports = scope.Get<VerificationImportService>();
        var file = (await imports.ReceiveAsync(new MemoryStream(bytes), $"{prefix}.csv", bytes.Length)).Value!;
        var preview = (await imports.PreviewAsync(file)).Value!;
        var started = await imports.StartAsync(file, preview.Mapping, preview.RowCount);
        Assert.Null(started.RefusalKey);
        return started.Value;
    }

    private static async Task<int> CountRecordsAsync(TestApp app, string externalIdPrefix)
    {
        await using var db = await app.Services.ReadContextAsync();
        return await db.VerificationRecords.CountAsync(r => r.PlatformUser!.ExternalId.StartsWith(externalIdPrefix));
    }

    private static async Task SetAsync(TestApp app, long jobId, Func<JobRecord, JobRecord> change)
    {
        await using var db = await app.Services.ReadContextAsync();
        change(await db.JobRecords.SingleAsync(j => j.Id == jobId));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_queued_job_runs_as_the_person_who_asked_and_its_effects_are_audited_under_them()
    {
        var app = await StartAsync();
        var jobId = await QueueImportAsync(app, goodRows: 3, prefix: "actor");

        var job = await app.WaitForJobAsync(Verifier, jobId);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(3, await CountRecordsAsync(app, "actor-"));
        await using var db = await app.Services.ReadContextAsync();
        var queued = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.JobQueued && e.TargetId == jobId.ToString());
        var imported = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.VerificationImported);
        Assert.Equal((Verifier, TestApp.ShownName(Verifier)), (queued.ActorName, imported.ActorName)); // the audit log keeps the sign-in name, the record the display name
        Assert.NotNull(imported.ActorId);
        Assert.Equal(queued.ActorId, imported.ActorId);
    }

    [Fact]
    public async Task A_job_whose_owner_lost_the_permission_before_it_started_fails_with_that_reason_and_does_nothing()
    {
        var app = await StartAsync();
        var scheduler = await HoldJobsAsync(app);
        var jobId = await QueueImportAsync(app, goodRows: 2, prefix: "demoted");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(Verifier);
            await users.RemoveFromRoleAsync(user!, Roles.Verifier);
            await users.AddToRoleAsync(user!, Roles.Auditor);
        }
        await scheduler.Start();

        var job = await app.WaitForJobAsync(Verifier, jobId);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("Jobs.Failure.PermissionLost", job.Failure!.Key);
        Assert.Equal([VerificationPermissions.Import], job.Failure.Arguments);
        Assert.Equal(0, await CountRecordsAsync(app, "demoted-"));
        Assert.False(File.Exists(Path.Combine(app.DataFolderPath, "jobs", jobId.ToString(), JobStorage.InputFileName)), "the upload is not kept for a job that cannot run");
    }

    [Fact]
    public async Task A_job_whose_owner_was_disabled_fails_and_says_why()
    {
        var app = await StartAsync();
        var scheduler = await HoldJobsAsync(app);
        var jobId = await QueueImportAsync(app, goodRows: 1, prefix: "disabled");
        await SetDisabledAsync(app, Verifier);
        await scheduler.Start();

        await WaitUntilEndedAsync(app, jobId);
        await using var db = await app.Services.ReadContextAsync();
        var job = await db.JobRecords.SingleAsync(j => j.Id == jobId);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("Jobs.Failure.AccountDisabled", job.FailureJson);
        Assert.Equal(0, await CountRecordsAsync(app, "disabled-"));
    }

    [Fact]
    public async Task A_job_that_ends_within_a_second_of_its_first_count_still_shows_how_far_it_got()
    {
        // Counts after the first are written at most once a second; these three batches take less, so only the end writes the last.
        var app = await StartAsync();
        var jobId = await QueueImportAsync(app, goodRows: 2_500, prefix: "count");

        var job = await app.WaitForJobAsync(Verifier, jobId);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(2_500, job.Done);
    }

    [Fact]
    public async Task Cancelling_stops_a_running_job_between_batches_with_every_batch_whole()
    {
        var app = await StartAsync();
        var scheduler = await HoldJobsAsync(app);
        var jobId = await QueueImportAsync(app, goodRows: 2_500, prefix: "cancel");
        // The cancel request arrives while the first batch is being written: the job notices it when that batch is done.
        await SetAsync(app, jobId, job => { job.CancelRequested = true; return job; });
        await scheduler.Start();

        var ended = await app.WaitForJobAsync(Verifier, jobId);

        Assert.Equal(JobStatus.Cancelled, ended.Status);
        Assert.Equal("Import.ResultCancelled", ended.Result!.Summary.Key);
        Assert.Equal(VerificationSubmissionService.BatchSize, await CountRecordsAsync(app, "cancel-"));
        Assert.Equal(["1000", "1000", "0", "0"], ended.Result.Summary.Arguments);
    }

    [Fact]
    public async Task A_queued_job_can_be_cancelled_before_it_starts_and_then_never_runs()
    {
        var app = await StartAsync();
        var scheduler = await HoldJobsAsync(app);
        var jobId = await QueueImportAsync(app, goodRows: 5, prefix: "never");
        await using (var scope = app.As(Verifier))
        {
            Assert.True((await scope.Get<JobQueue>().CancelAsync(jobId)).Succeeded);
        }
        Assert.Null(await scheduler.GetJobDetail(JobScheduler.KeyOf(jobId))); // nothing is left on the schedule to run it
        await scheduler.Start();
        // The host runs work queued after it: by the time that has ended, the cancelled job has had every chance to run.
        var later = await QueueImportAsync(app, goodRows: 1, prefix: "after-never");
        Assert.Equal(JobStatus.Succeeded, (await app.WaitForJobAsync(Verifier, later)).Status);

        var job = await app.WaitForJobAsync(Verifier, jobId);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Null(job.StartedAtUtc);
        Assert.Equal(0, await CountRecordsAsync(app, "never-"));
    }

    [Fact]
    public async Task Queued_work_survives_a_restart_and_a_job_cut_off_by_one_is_interrupted_and_can_be_run_again()
    {
        var first = await StartAsync();
        await HoldJobsAsync(first);
        var waiting = await QueueImportAsync(first, goodRows: 2, prefix: "waiting");
        var cutOff = await QueueImportAsync(first, goodRows: 3, prefix: "cutoff");
        // The process dies while the second job runs.
        await SetAsync(first, cutOff, job => { job.Status = JobStatus.Running; job.Done = 1; return job; });
        first.Dispose();

        var second = await StartAsync(first.DataFolderPath);
        Assert.Equal(JobStatus.Succeeded, (await second.WaitForJobAsync(Verifier, waiting)).Status);
        var interrupted = await second.WaitForJobAsync(Verifier, cutOff);
        Assert.Equal(JobStatus.Interrupted, interrupted.Status);
        Assert.Equal(1, interrupted.Done);
        Assert.True(interrupted.CanRerun);

        await using var scope = second.As(Verifier);
        var rerun = await scope.Get<JobQueue>().RerunAsync(cutOff);
        Assert.True(rerun.Succeeded);
        Assert.Equal(JobStatus.Succeeded, (await second.WaitForJobAsync(Verifier, rerun.Value)).Status);
        Assert.Equal(3, await CountRecordsAsync(second, "cutoff-"));
        Assert.False((await scope.Get<JobQueue>().RerunAsync(rerun.Value)).Succeeded, "only an interrupted job runs again");
    }

    [Fact]
    public async Task Result_files_survive_a_restart_and_are_removed_after_their_retention()
    {
        var first = await StartAsync();
        var jobId = await QueueImportAsync(first, goodRows: 1, badRows: 2, prefix: "files");
        var job = await first.WaitForJobAsync(Verifier, jobId);
        var url = $"/jobs/{jobId}/files/{Assert.Single(job.Files).Name}";
        first.Dispose();

        var second = await StartAsync(first.DataFolderPath);
        var client = await second.SignInAsync(Verifier);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        await SetAsync(second, jobId, j => { j.FilesExpireAtUtc = DateTime.UtcNow.AddMinutes(-1); return j; });
        var removed = await second.Services.GetRequiredService<JobHousekeeping>().RunAsync();

        Assert.Equal(1, removed.ExpiredJobFolders);
        Assert.False(Directory.Exists(Path.Combine(second.DataFolderPath, "jobs", jobId.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var after = await second.WaitForJobAsync(Verifier, jobId);
        Assert.Empty(after.Files);
        Assert.NotNull(after.FilesRemovedAtUtc);
    }

    [Fact]
    public async Task Uploads_abandoned_in_preview_are_removed_at_start_up()
    {
        var first = await StartAsync();
        await using (var scope = first.As(Verifier))
        {
            var bytes = "平台用户ID,核验方式,证件号码,真实姓名\nx,手机号码,13900000000,某人\n"u8.ToArray();
            await scope.Get<VerificationImportService>().ReceiveAsync(new MemoryStream(bytes), "left.csv", bytes.Length);
            await scope.Get<VerificationImportService>().ReceiveAsync(new MemoryStream(bytes), "recent.csv", bytes.Length);
        }
        var staging = Path.Combine(first.DataFolderPath, "staging");
        var uploads = Directory.GetFiles(staging);
        Assert.Equal(2, uploads.Length);
        File.SetLastWriteTimeUtc(uploads[0], DateTime.UtcNow - JobRetention.StagedUploadLifetime - TimeSpan.FromMinutes(1));
        first.Dispose();

        var second = await StartAsync(first.DataFolderPath);
        _ = second.Services;
        // On PostgreSQL other instances share the data folder and may be previewing a recent upload: only the old one goes.
        string[] kept = TestDatabase.IsPostgreSql ? [uploads[1]] : [];
        Assert.Equal(kept, Directory.GetFiles(staging));
    }

    private static async Task SetDisabledAsync(TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        user!.IsDisabled = true;
        await users.UpdateAsync(user);
    }

    private static async Task WaitUntilEndedAsync(TestApp app, long jobId)
    {
        for (var i = 0; i < 2_400; i++)
        {
            await using var db = await app.Services.ReadContextAsync();
            if (await db.JobRecords.AnyAsync(j => j.Id == jobId && j.Status != JobStatus.Queued && j.Status != JobStatus.Running)) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"Job {jobId} did not end.");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var app in _apps) app.Dispose();
        foreach (var folder in _apps.Select(a => a.DataFolderPath).Distinct())
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        return ValueTask.CompletedTask;
    }
}
