using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Registry;

public class AssessmentTests(RegistryApp registry) : IClassFixture<RegistryApp>
{
    private async Task<long> AssessmentAsync(AssessmentStatus status, DateOnly due, string subject = "换脸功能 v2")
    {
        await using var manager = registry.App.As(RegistryApp.Manager);
        var result = await manager.Get<AssessmentService>().SaveAsync(new AssessmentForm
        {
            Subject = subject, SubjectKind = AssessmentSubject.Function, Kind = AssessmentKind.ThirdParty, Status = status, DueDate = due,
            Reviewer = status is AssessmentStatus.Passed or AssessmentStatus.Failed ? "某测评中心" : null,
            Findings = status == AssessmentStatus.Failed ? "未对换脸结果添加显式标识" : null,
        });
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.Value;
    }

    private DateOnly Today => DateOnly.FromDateTime(ComplianceConsole.Localization.ChinaTime.FromUtc(registry.Clock.GetUtcNow().UtcDateTime));

    [Fact]
    public async Task A_launch_without_a_passed_assessment_is_refused_and_nothing_is_recorded()
    {
        var inProgress = await AssessmentAsync(AssessmentStatus.InProgress, Today.AddDays(5));
        var failed = await AssessmentAsync(AssessmentStatus.Failed, Today.AddDays(-1));
        var passed = await AssessmentAsync(AssessmentStatus.Passed, Today.AddDays(-2));
        await using var manager = registry.App.As(RegistryApp.Manager);
        var assessments = manager.Get<AssessmentService>();

        foreach (var unready in new[] { inProgress, failed })
        {
            var refused = await assessments.RecordLaunchAsync(new LaunchForm { Name = "AI 换脸贺卡", AssessmentId = unready, LaunchDate = Today });
            Assert.Equal("Registry.Launch.AssessmentNotPassed", refused.RefusalKey);
        }
        Assert.True((await assessments.RecordLaunchAsync(new LaunchForm { Name = "AI 换脸贺卡", AssessmentId = passed, LaunchDate = Today })).Succeeded);
        var launches = (await assessments.GetLaunchesAsync(0, 100)).Items;
        Assert.Single(launches, l => l.Name == "AI 换脸贺卡");
        Assert.Equal(passed, launches.Single(l => l.Name == "AI 换脸贺卡").AssessmentId);
    }

    [Fact]
    public async Task A_failed_assessment_must_name_its_findings_and_a_completed_one_its_reviewer()
    {
        await using var manager = registry.App.As(RegistryApp.Manager);
        var result = await manager.Get<AssessmentService>().SaveAsync(new AssessmentForm
        {
            Subject = "声音克隆模型", SubjectKind = AssessmentSubject.Model, Status = AssessmentStatus.Failed, DueDate = Today,
        });
        Assert.Contains(result.Errors, e => e is { Field: nameof(AssessmentForm.Findings), MessageKey: "Registry.Assessment.FindingsRequired" });
        Assert.Contains(result.Errors, e => e is { Field: nameof(AssessmentForm.Reviewer), MessageKey: "Registry.Assessment.ReviewerRequired" });
    }

    [Fact]
    public async Task What_falls_due_in_30_days_and_what_is_overdue_is_listed_soonest_first_and_a_completed_assessment_drops_out()
    {
        var overdue = await AssessmentAsync(AssessmentStatus.InProgress, Today.AddDays(-3), "逾期的评估");
        var soon = await AssessmentAsync(AssessmentStatus.Planned, Today.AddDays(29), "即将到期的评估");
        var later = await AssessmentAsync(AssessmentStatus.Planned, Today.AddDays(31), "下季度的评估");
        await using var manager = registry.App.As(RegistryApp.Manager);
        var due = await manager.Get<RegistryDueDates>().GetAsync();
        var mine = due.Where(d => d.Kind == DueItemKind.Assessment && new[] { overdue, soon, later }.Contains(d.Id)).ToList();
        Assert.Equal([overdue, soon], mine.Select(d => d.Id));
        Assert.True(mine[0].Overdue);
        Assert.Equal(3, -mine[0].DaysLeft);

        // The Manager's dashboard shows the same: how many fall due, with the overdue ones calling for attention.
        var tile = (await manager.Get<DashboardQueryService>().GetAsync(DashboardRange.Days7)).Contributions.Single(c => c.TitleKey == "Dashboard.RegistryDue");
        Assert.Equal((due.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "registry", true), (tile.Value, tile.Href, tile.NeedsAttention));

        var form = (await manager.Get<AssessmentService>().GetFormAsync(overdue))!;
        form.Status = AssessmentStatus.Passed;
        form.Reviewer = "内部安全组";
        Assert.True((await manager.Get<AssessmentService>().SaveAsync(form)).Succeeded);
        Assert.DoesNotContain(await manager.Get<RegistryDueDates>().GetAsync(), d => d.Kind == DueItemKind.Assessment && d.Id == overdue);
    }

    [Fact]
    public async Task Evidence_is_stored_encrypted_with_the_hash_of_what_was_uploaded_and_bad_files_are_refused()
    {
        var id = await AssessmentAsync(AssessmentStatus.Passed, Today);
        await using var manager = registry.App.As(RegistryApp.Manager);
        var evidence = manager.Get<EvidenceService>();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n评估报告 assessment report\n%%EOF");
        var stored = await evidence.UploadAsync(EvidenceOwner.Assessment, id, new MemoryStream(pdf), "报告.pdf", pdf.Length);
        Assert.Null(stored.RefusalKey);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), stored.Value!.Sha256);
        var onDisk = Directory.GetFiles(Path.Combine(registry.App.DataFolderPath, "evidence")).Single(f => f.EndsWith(".bin"));
        Assert.DoesNotContain("assessment report", Encoding.ASCII.GetString(File.ReadAllBytes(onDisk)));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(onDisk));
        Assert.Equal(pdf, (await evidence.OpenAsync(stored.Value!.Id))!.Content);

        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00 };
        Assert.Equal("Registry.Evidence.WrongKind", (await evidence.UploadAsync(EvidenceOwner.Assessment, id, new MemoryStream(exe), "tool.exe", 4)).RefusalKey);
        Assert.Equal("Registry.Evidence.NotWhatItSays", (await evidence.UploadAsync(EvidenceOwner.Assessment, id, new MemoryStream(exe), "report.pdf", 4)).RefusalKey);
        var huge = new byte[evidence.MaxBytes + 1];
        Assert.Equal("Registry.Evidence.TooLarge", (await evidence.UploadAsync(EvidenceOwner.Assessment, id, new MemoryStream(huge), "big.txt", huge.Length)).RefusalKey);
        // A client that understates the size is stopped by what it actually sends.
        Assert.Equal("Registry.Evidence.TooLarge", (await evidence.UploadAsync(EvidenceOwner.Assessment, id, new MemoryStream(huge), "big.txt", 10)).RefusalKey);
        Assert.Single(await evidence.ListAsync(EvidenceOwner.Assessment, id));
    }

    [Fact]
    public async Task Filings_are_validated_kept_with_history_and_their_active_numbers_become_the_settings_numbers()
    {
        await using var manager = registry.App.As(RegistryApp.Manager);
        var filings = manager.Get<FilingService>();
        var bad = await filings.SaveAsync(new FilingForm { FilingNumber = "网信算备123号", AlgorithmName = "换脸算法", FiledOn = Today, DisplayedAt = "App 关于页" });
        Assert.Contains(bad.Errors, e => e.MessageKey == "Registry.Filing.WrongDigits");

        var saved = await filings.SaveAsync(new FilingForm
        {
            FilingNumber = "网信算备 110108000000000000001 号", AlgorithmName = "换脸算法", FiledOn = Today, DisplayedAt = "App › 关于 › 算法备案",
        });
        Assert.True(saved.Succeeded);
        await using (var db = await registry.DbAsync())
            Assert.Contains("网信算备110108000000000000001号", (await db.ProviderSettings.SingleAsync()).AlgorithmFilingNumbers);

        var row = (await filings.GetAllAsync()).Single(f => f.Id == saved.Value);
        var cancel = new FilingForm
        {
            Id = row.Id, FilingNumber = row.FilingNumber, AlgorithmName = row.AlgorithmName, Role = row.Role, FiledOn = row.FiledOn,
            Status = FilingStatus.Cancelled, DisplayedAt = row.DisplayedAt, Version = row.Version,
        };
        Assert.True((await filings.SaveAsync(cancel)).Succeeded);
        Assert.Equal(ResultOutcome.Conflict, (await filings.SaveAsync(cancel)).Outcome);
        await using (var db = await registry.DbAsync())
            Assert.DoesNotContain("网信算备110108000000000000001号", (await db.ProviderSettings.SingleAsync()).AlgorithmFilingNumbers);
        Assert.Equal([FilingStatus.Cancelled, FilingStatus.Active], (await filings.GetHistoryAsync(row.Id)).Select(c => c.Status));
    }
}
