using System.Text;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Verification.Import;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Review;

namespace ComplianceConsole.Tests.Jobs;

/// <summary>
/// Tests on a stopped clock queue jobs at any moment: one queued when the clock is moved to just before the recurring jobs'
/// runs (every five seconds on the clock, the webhooks' poll) still starts. Quartz would hold such a run and wait for it for
/// ever; the test clock keeps out of that reach (a CI run once waited three minutes for a job that never started).
/// </summary>
public sealed class StoppedClockJobTests
{
    private const string Verifier = "stopped-clock@example.cn";

    [Fact]
    public async Task A_job_queued_while_the_clock_stands_just_before_a_recurring_run_starts()
    {
        var clock = new MovableClock();
        var now = clock.GetUtcNow();
        var toJustBefore = RecurringJobs.NextRun(now, TimeSpan.FromSeconds(5), TimeSpan.Zero) - TimeSpan.FromMilliseconds(30) - now;
        clock.Advance(toJustBefore < TimeSpan.Zero ? toJustBefore + TimeSpan.FromSeconds(5) : toJustBefore);
        await using var app = new ClockedTestApp(clock);
        await app.CompleteSetupAsync();
        await app.CreateStaffAsync(Verifier, Roles.Verifier);

        var csv = Encoding.UTF8.GetBytes("平台用户ID,核验方式,证件号码,真实姓名,提交时间\nstopped-1,手机号码,13900000001,用户一,2026-11-01 10:00:00\n");
        long jobId;
        await using (var scope = app.As(Verifier))
        {
            var imports = scope.Get<VerificationImportService>();
            var file = (await imports.ReceiveAsync(new MemoryStream(csv), "stopped.csv", csv.Length)).Value!;
            var preview = (await imports.PreviewAsync(file)).Value!;
            jobId = (await imports.StartAsync(file, preview.Mapping, preview.RowCount)).Value;
        }
        Assert.Equal(JobStatus.Succeeded, (await app.WaitForJobAsync(Verifier, jobId)).Status);
    }
}
