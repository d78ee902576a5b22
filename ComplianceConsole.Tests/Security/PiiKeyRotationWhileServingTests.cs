using ComplianceConsole.Data;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// <c>rotate-pii-key</c> (and <c>rotate-audit-key</c>) beside serving instances: one still serving keeps the old keys in memory, so the command refuses
/// while any was seen in the last minute, and changes nothing. The serving apps and the command share a clock the test moves.
/// </summary>
public sealed class PiiKeyRotationWhileServingTests
{
    private const string Rotate = "rotate-pii-key";

    // On a whole second, so a time read back from either database is the time written.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    [Fact]
    public async Task Rotation_is_refused_while_an_instance_serves_naming_it_and_the_key_file_and_records_stay_as_they_were()
    {
        using var serving = new ClockedApp(_clock);
        Assert.Equal(SubmissionOutcome.Created, await serving.SubmitDirectlyAsync(Submission));
        var keyFile = Path.Combine(serving.DataFolderPath, PiiKeyRing.DefaultFileName);
        var keys = await File.ReadAllBytesAsync(keyFile);

        var (exitCode, printed) = await RotateAsync(serving);

        Assert.Equal(1, exitCode);
        var lastSeen = ChinaTime.Format(_clock.GetUtcNow().UtcDateTime);
        Assert.Contains($"{Environment.MachineName}，进程 {Environment.ProcessId}，最后心跳 {lastSeen}", printed);
        Assert.Contains($"{Environment.MachineName}, process {Environment.ProcessId}, last seen {lastSeen} UTC+8", printed);
        Assert.True(printed.IndexOf("请停止所有实例", StringComparison.Ordinal) < printed.IndexOf("Stop every instance and run rotate-pii-key again", StringComparison.Ordinal),
            printed);
        Assert.Equal(keys, await File.ReadAllBytesAsync(keyFile));
        Assert.Equal("张三", await RealNameAsReadByAsync(serving));
    }

    [Fact]
    public async Task Rotation_runs_once_the_instance_has_stopped_and_the_instance_started_again_reads_the_records()
    {
        string dataFolder;
        using (var stopped = new ClockedApp(_clock) { KeepDataFolder = true })
        {
            Assert.Equal(SubmissionOutcome.Created, await stopped.SubmitDirectlyAsync(Submission));
            dataFolder = stopped.DataFolderPath;
        }
        using var restarted = new ClockedApp(_clock, dataFolder);

        var (exitCode, printed) = await RotateAsync(restarted);

        Assert.Equal(0, exitCode);
        Assert.Contains("1 records were re-encrypted", printed);
        Assert.Equal(2, restarted.Services.GetRequiredService<PiiKeyRing>().CurrentKeyId);
        Assert.Equal("张三", await RealNameAsReadByAsync(restarted));
        // The stopped instance removed its row and the command never wrote one: the restarted instance is the only one.
        Assert.Single(await RowsAsync(restarted));
    }

    [Fact]
    public async Task A_serving_instance_keeps_blocking_rotation_as_the_minutes_pass_even_after_its_row_was_deleted()
    {
        using var serving = new ClockedApp(_clock);
        var started = Assert.Single(await RowsAsync(serving)).LastSeenAtUtc;

        _clock.Advance(RunningInstances.Expiry);
        await WaitUntilLastSeenAsync(serving, started + RunningInstances.Expiry);
        await using (var db = await serving.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.RunningInstances.ExecuteDeleteAsync();
        }
        _clock.Advance(RunningInstances.Expiry);
        await WaitUntilLastSeenAsync(serving, started + 2 * RunningInstances.Expiry);

        Assert.Equal(1, (await RotateAsync(serving)).ExitCode);
    }

    [Fact]
    public async Task The_row_an_instance_killed_outright_leaves_blocks_rotation_until_a_minute_after_it_was_last_seen_and_is_cleared_at_the_next_start()
    {
        string dataFolder;
        RunningInstance left;
        using (var killed = new ClockedApp(_clock) { KeepDataFolder = true })
        {
            left = Assert.Single(await RowsAsync(killed));
            dataFolder = killed.DataFolderPath;
        }
        using var next = new ClockedApp(_clock, dataFolder);
        await using (var command = CommandHost(next))
        {
            // What kill -9 leaves: the row a graceful stop removes.
            await using var db = await command.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.Empty(db.RunningInstances);
            db.RunningInstances.Add(left);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, (await RotateAsync(next)).ExitCode);
        _clock.Advance(RunningInstances.Expiry + TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await RotateAsync(next)).ExitCode);

        Assert.NotEqual(left.Id, Assert.Single(await RowsAsync(next)).Id);
    }

    [Fact]
    public async Task Audit_key_rotation_is_refused_the_same_way_while_an_instance_serves_and_no_key_file_changes()
    {
        using var serving = new ClockedApp(_clock);
        Assert.Equal(SubmissionOutcome.Created, await serving.SubmitDirectlyAsync(Submission));
        var keyFiles = new[] { Features.Audit.AuditKeys.HmacKeyFileName, Features.Audit.AuditKeys.SigningKeyFileName }.Select(f => Path.Combine(serving.DataFolderPath, f)).ToList();
        var before = keyFiles.Select(File.ReadAllBytes).ToList();

        var (exitCode, printed) = await RotateAsync(serving, "rotate-audit-key");

        Assert.Equal(1, exitCode);
        Assert.Contains("未轮换审计密钥", printed);
        Assert.Contains("Stop every instance and run rotate-audit-key again", printed);
        Assert.Equal(before, keyFiles.Select(File.ReadAllBytes).ToList());
    }

    private static readonly VerificationSubmission Submission =
        new("rotating-1", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", null);

    /// <summary>The app as <c>dotnet ComplianceConsole.dll rotate-pii-key</c> builds it, on the serving app's data and the test's clock.</summary>
    private WebApplication CommandHost(TestApp serving)
    {
        var builder = WebApplication.CreateBuilder([Rotate, .. serving.CommandLineSettings(), "--Logging:LogLevel:Default=Warning"]);
        builder.AddApplicationServices();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        return builder.Build();
    }

    private async Task<(int? ExitCode, string Printed)> RotateAsync(TestApp serving, string rotate = Rotate)
    {
        await using var command = CommandHost(serving);
        var printed = new StringWriter();
        return (await AppCommands.RunAsync(command, [rotate], printed, printed), printed.ToString());
    }

    private static async Task<List<RunningInstance>> RowsAsync(TestApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.RunningInstances.AsNoTracking().ToListAsync();
    }

    private static async Task WaitUntilLastSeenAsync(TestApp app, DateTime lastSeen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await RowsAsync(app)).SingleOrDefault()?.LastSeenAtUtc != lastSeen)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"The instance was not seen at {lastSeen:O} within 30 seconds.");
            await Task.Delay(20);
        }
    }

    private static async Task<string> RealNameAsReadByAsync(TestApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var record = await db.VerificationRecords.SingleAsync();
        return app.Services.GetRequiredService<PiiProtector>().Decrypt(record.RealNameCipher);
    }

    /// <summary>The real app on the test's clock; started again on a stopped one's data folder when given it.</summary>
    private sealed class ClockedApp(TimeProvider clock, string? dataFolderPath = null) : TestApp(dataFolderPath: dataFolderPath)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
