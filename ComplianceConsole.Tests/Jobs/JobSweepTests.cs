using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Verification.Import;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ComplianceConsole.Tests.Jobs;

/// <summary>
/// The job registry kept true to Quartz (<see cref="JobSweep"/>): a running job nobody runs is marked Interrupted, a running one
/// is left alone, a queued one whose scheduling a crash lost is scheduled; and a restart never moves a recurring run later.
/// </summary>
public sealed class JobSweepTests : IAsyncLifetime
{
    private const string Verifier = "sweep-verifier@example.cn";
    private static readonly JobKind<int, HeldJob> HeldKind = new("test-held", VerificationPermissions.Import);
    private readonly HeldJob.Gate _gate = new();
    private readonly TestApp _app;

    public JobSweepTests() => _app = new HeldJobApp(_gate);

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateStaffAsync(Verifier, Roles.Verifier);
    }

    public ValueTask DisposeAsync()
    {
        _gate.Release.TrySetResult();
        _app.Dispose();
        return ValueTask.CompletedTask;
    }

    private JobSweep Sweep => _app.Services.GetRequiredService<JobSweep>();

    private async Task<AppDbContext> ContextAsync() => await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<long> QueueHeldAsync()
    {
        await using var scope = _app.As(Verifier);
        return await scope.Get<JobQueue>().EnqueueAsync(HeldKind, 1, [], 0);
    }

    [Fact]
    public async Task A_running_job_is_left_alone_and_one_that_no_instance_runs_is_interrupted()
    {
        var running = await QueueHeldAsync();
        await _gate.Started.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        long orphan;
        await using (var db = await ContextAsync())
        {
            var job = await db.JobRecords.AsNoTracking().SingleAsync(j => j.Id == running, TestContext.Current.CancellationToken);
            job.Id = 0;
            job.QueuedAtUtc = DateTime.UtcNow;
            db.JobRecords.Add(job); // Running, as a dead instance left it: Quartz has no trigger and no run of it
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            orphan = job.Id;
        }

        await Sweep.RunAsync(TestContext.Current.CancellationToken); // (the host's own sweep may come first)

        await using (var db = await ContextAsync()) Assert.Equal(JobStatus.Running, db.JobRecords.Single(j => j.Id == running).Status);
        Assert.Equal(JobStatus.Interrupted, (await _app.WaitForJobAsync(Verifier, orphan)).Status);
        _gate.Release.SetResult();
        Assert.Equal(JobStatus.Succeeded, (await _app.WaitForJobAsync(Verifier, running)).Status);
    }

    [Fact]
    public async Task A_queued_job_whose_scheduling_a_crash_lost_is_scheduled_and_runs_once()
    {
        var scheduler = await _app.HoldJobsAsync();
        var jobId = await QueueHeldAsync();
        await scheduler.DeleteJob(JobScheduler.KeyOf(jobId), TestContext.Current.CancellationToken); // as if the process died before scheduling it
        Assert.Equal((0, 0), await Sweep.RunAsync(TestContext.Current.CancellationToken)); // just queued: still within its grace
        await using (var db = await ContextAsync())
        {
            await db.JobRecords.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.QueuedAtUtc, DateTime.UtcNow - JobSweep.SchedulingGrace - TimeSpan.FromSeconds(1)),
                TestContext.Current.CancellationToken);
        }

        Assert.Equal((0, 1), await Sweep.RunAsync(TestContext.Current.CancellationToken));
        Assert.Equal((0, 0), await Sweep.RunAsync(TestContext.Current.CancellationToken));
        _gate.Release.SetResult();
        await scheduler.Start(TestContext.Current.CancellationToken);

        Assert.Equal(JobStatus.Succeeded, (await _app.WaitForJobAsync(Verifier, jobId)).Status);
        Assert.Equal(1, _gate.Runs);
    }

    [Fact]
    public async Task A_restart_leaves_the_daily_purge_at_its_time_instead_of_a_day_after_the_restart()
    {
        _app.KeepDataFolder = true;
        var purge = new TriggerKey("retention-purge", RecurringJobs.Group);
        var before = await NextFireAsync(_app, purge);
        _app.Dispose();

        using var restarted = new TestApp(dataFolderPath: _app.DataFolderPath);
        var after = await NextFireAsync(restarted, purge);

        Assert.Equal(before, after);
        Assert.Equal(TimeSpan.FromHours(19), after.TimeOfDay);
        Assert.InRange(after - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));
    }

    private static async Task<DateTimeOffset> NextFireAsync(TestApp app, TriggerKey key)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ITrigger? trigger;
        while ((trigger = await scheduler.GetTrigger(key)) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{key} was never scheduled");
            await Task.Delay(20);
        }
        return trigger.NextFireTimeUtc!.Value;
    }

    private sealed class HeldJobApp(HeldJob.Gate gate) : TestApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(gate).AddJobKind(HeldKind));
        }
    }
}

/// <summary>A job that says when it started and ends when the test lets it.</summary>
public sealed class HeldJob(HeldJob.Gate gate) : IJobHandler<int>
{
    public sealed class Gate
    {
        private int _runs;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Runs => _runs;
        public void Count() => Interlocked.Increment(ref _runs);
    }

    public async Task<JobResult> RunAsync(int input, JobContext job, CancellationToken cancellationToken)
    {
        gate.Count();
        gate.Started.TrySetResult();
        await gate.Release.Task.WaitAsync(cancellationToken);
        return JobResult.Of(JobMessage.Of("Jobs.Failure.Interrupted"));
    }
}
