using System.Globalization;
using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Verification.Import;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

/// <summary>
/// kill -9 of an instance mid-job, with real processes: instances of the app as built (<see cref="AppProcess"/>), sharing one
/// PostgreSQL database and one data folder, do the work; the test's own app, its job host held, queues it and watches. The killed
/// instance's job is taken over by the instance started after it (Quartz's recovery) and done once.
/// </summary>
public sealed class KilledInstanceTests : IAsyncLifetime
{
    private const string SqliteSkip = "Several instances share a PostgreSQL database; SQLite is one instance by design.";
    private const string Manager = "killed.manager@example.cn";
    // Enough that the import runs for seconds: with fewer a quiet machine finished it between two looks, with no moment to kill it in.
    private const int Rows = 60_000;
    private readonly TestApp _queuer = new();
    private readonly List<AppProcess> _instances = [];

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.IsPostgreSql) return;
        await _queuer.CompleteSetupAsync();
        await _queuer.CreateStaffAsync(Manager, Roles.Manager, Roles.Verifier);
        await _queuer.HoldJobsAsync();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var instance in _instances) instance.Dispose();
        _queuer.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>An instance in a process of its own on the test app's database and data folder (and so its key files).</summary>
    private async Task<AppProcess> StartInstanceAsync()
    {
        var settings = _queuer.AnotherInstanceSettings();
        settings[DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql);
        settings["Quartz:Scheduler:IdleWaitTime"] = "00:00:01"; // finds work queued elsewhere within a second
        var instance = new AppProcess(AppProcess.BuiltDll, _queuer.DataFolderPath, settings);
        _instances.Add(instance);
        using var client = new HttpClient { BaseAddress = new Uri(instance.Url) };
        await instance.WaitUntilItAnswersAsync(client);
        return instance;
    }

    private async Task<long> QueueImportAsync(string prefix)
    {
        var submittedAt = ChinaTime.FromUtc(DateTime.UtcNow).AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("平台用户ID,核验方式,证件号码,真实姓名,提交时间\n");
        for (var i = 0; i < Rows; i++) csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i},手机号码,139{i:D8},用户{i},{submittedAt}\n");
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        await using var scope = _queuer.As(Manager);
        var imports = scope.Get<VerificationImportService>();
        var file = (await imports.ReceiveAsync(new MemoryStream(bytes), $"{prefix}.csv", bytes.Length)).Value!;
        var preview = (await imports.PreviewAsync(file)).Value!;
        return (await imports.StartAsync(file, preview.Mapping, preview.RowCount)).Value;
    }

    private async Task<JobRecord> JobAsync(long jobId)
    {
        await using var db = await _queuer.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.JobRecords.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    /// <summary>Polls until <paramref name="reached"/> holds (as the instance works), then kills it at once.</summary>
    private static async Task KillWhenAsync(AppProcess instance, Func<Task<bool>> reached)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await reached())
        {
            Assert.True(DateTime.UtcNow < deadline, "the instance never reached the point to be killed at:\n" + instance.Output + instance.Error);
            await Task.Delay(5);
        }
        instance.KillHard();
    }

    [Fact]
    public async Task An_import_on_an_instance_killed_mid_work_is_completed_by_another_with_nothing_imported_twice()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var first = await StartInstanceAsync();
        var jobId = await QueueImportAsync("killed");

        await KillWhenAsync(first, async () => await JobAsync(jobId) is { Status: JobStatus.Running, Done: > 0 });
        var cutOff = await JobAsync(jobId);
        Assert.True(cutOff is { Status: JobStatus.Running } && cutOff.Done < Rows, $"killed too late: {cutOff.Status} at {cutOff.Done}");

        await StartInstanceAsync();
        var job = await _queuer.WaitForJobAsync(Manager, jobId);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = await _queuer.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(Rows, await db.VerificationRecords.CountAsync(r => r.PlatformUser!.ExternalId.StartsWith("killed-")));
        // The run that finished found what the killed one had stored: imported once, counted as already there.
        var (created, already) = (int.Parse(job.Result!.Summary.Arguments[1]), int.Parse(job.Result.Summary.Arguments[2]));
        Assert.Equal(Rows, created + already);
        Assert.True(already > 0, "the killed run had stored nothing");
    }

    [Fact]
    public async Task An_export_on_an_instance_killed_mid_file_is_written_by_another_and_leaves_only_its_sealed_file()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, SqliteSkip);
        var first = await StartInstanceAsync();
        Assert.Equal(JobStatus.Succeeded, (await _queuer.WaitForJobAsync(Manager, await QueueImportAsync("ledger"))).Status);
        var exports = Path.Combine(_queuer.DataFolderPath, "exports");
        var written = new List<long>();
        ExportQueued queued;
        while (true)
        {
            await using (var scope = _queuer.As(Manager))
            {
                // The rows were submitted an hour ago: yesterday, from midnight to one in the morning China time.
                var today = ChinaTime.FromUtc(DateTime.UtcNow).Date;
                queued = (await scope.Get<ExportService>().QueueAsync(new ExportForm { Kind = ExportKind.VerificationLedger, FromDay = today.AddDays(-1), ToDay = today })).Value!;
            }
            written.Add(queued.ExportId);
            var sealedFile = Path.Combine(exports, $"{queued.ExportId}.xlsx.sealed");
            await KillWhenAsync(first, () => Task.FromResult(File.Exists(sealedFile)));
            if ((await JobAsync(queued.JobId)).Status == JobStatus.Running) break;
            // Written whole in the moment between the file's appearing and the kill (a fast machine): again, on a new instance.
            Assert.True(written.Count < 5, "every export was written whole before the kill landed");
            first = await StartInstanceAsync();
        }

        await StartInstanceAsync();
        Assert.Equal(JobStatus.Succeeded, (await _queuer.WaitForJobAsync(Manager, queued.JobId)).Status);

        // Each export's sealed file, the one written twice included, and nothing half-written beside them.
        Assert.Equal(written.Select(id => $"{id}.xlsx.sealed").Order(), Directory.GetFiles(exports).Select(Path.GetFileName).Order());
        await using var db = await _queuer.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var export = await db.ExportJobs.SingleAsync(e => e.Id == queued.ExportId);
        Assert.Equal(Rows, export.Rows);
        Assert.NotNull(export.FileSha256);
    }
}
