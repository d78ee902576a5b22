using System.Globalization;
using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Verification.Import;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Database;

/// <summary>
/// kill -9 of SQLite's one instance mid-import, with a real process (<see cref="AppProcess"/>): started again, it runs the cut-off
/// import again (Quartz's recovery), which completes with every row imported once. On PostgreSQL another instance takes over
/// (<see cref="KilledInstanceTests"/>).
/// </summary>
public sealed class RestartedInstanceTests : IDisposable
{
    private const string Verifier = "restarted.verifier@example.cn";
    // Enough that the import runs for seconds: with fewer a quiet machine finished it between two looks, with no moment to kill it in.
    private const int Rows = 60_000;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cc-restarted-").FullName;
    private readonly List<AppProcess> _instances = [];

    private AppProcess StartInstance()
    {
        var instance = new AppProcess(AppProcess.BuiltDll, _dataFolder, new Dictionary<string, string> { ["Quartz:Scheduler:IdleWaitTime"] = "00:00:01" });
        _instances.Add(instance);
        return instance;
    }

    private AppDbContext Context() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dataFolder, DatabaseSettings.SqliteFileName), Pooling = false }.ToString()).Options);

    private async Task<JobRecord> JobAsync(long jobId)
    {
        await using var db = Context();
        return await db.JobRecords.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    [Fact]
    public async Task The_only_instance_killed_mid_import_completes_it_when_started_again_with_nothing_imported_twice()
    {
        Assert.SkipWhen(TestDatabase.IsPostgreSql, "On PostgreSQL another instance takes the job over: KilledInstanceTests.");
        long jobId;
        // Queued by the app in this process, its job host held, then stopped: the instance started next finds the job waiting.
        using (var queuer = new TestApp(dataFolderPath: _dataFolder) { KeepDataFolder = true })
        {
            await queuer.CompleteSetupAsync();
            await queuer.CreateStaffAsync(Verifier, Roles.Verifier);
            await queuer.HoldJobsAsync();
            var csv = new StringBuilder("平台用户ID,核验方式,证件号码,真实姓名,提交时间\n");
            for (var i = 0; i < Rows; i++) csv.Append(CultureInfo.InvariantCulture, $"restarted-{i},手机号码,139{i:D8},用户{i},2026-11-01 10:00:00\n");
            var bytes = Encoding.UTF8.GetBytes(csv.ToString());
            await using var scope = queuer.As(Verifier);
            var imports = scope.Get<VerificationImportService>();
            var file = (await imports.ReceiveAsync(new MemoryStream(bytes), "restarted.csv", bytes.Length)).Value!;
            var preview = (await imports.PreviewAsync(file)).Value!;
            jobId = (await imports.StartAsync(file, preview.Mapping, preview.RowCount)).Value;
        }

        var first = StartInstance();
        // As long as the job host's other waits: a CI machine running every test class at once can be slow to start a process.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        JobRecord started;
        while ((started = await JobAsync(jobId)) is not { Status: JobStatus.Running, Done: > 0 })
        {
            Assert.True(DateTime.UtcNow < deadline, $"the import did not get going in three minutes ({started.Status}, {started.Done} done):\n" + first.Output + first.Error);
            await Task.Delay(5);
        }
        first.KillHard();
        var cutOff = await JobAsync(jobId);
        Assert.True(cutOff is { Status: JobStatus.Running } && cutOff.Done < Rows, $"killed too late: {cutOff.Status} at {cutOff.Done}");

        var second = StartInstance();
        JobRecord job;
        deadline = DateTime.UtcNow.AddMinutes(3);
        while ((job = await JobAsync(jobId)).IsActive)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the import is still {job.Status} after the restart:\n" + second.Output + second.Error);
            await Task.Delay(25);
        }

        Assert.Equal(JobStatus.Succeeded, job.Status);
        await using var db = Context();
        Assert.Equal(Rows, await db.VerificationRecords.CountAsync(r => r.PlatformUser!.ExternalId.StartsWith("restarted-")));
    }

    public void Dispose()
    {
        foreach (var instance in _instances) instance.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
