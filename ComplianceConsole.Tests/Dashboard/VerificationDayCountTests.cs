using System.Net.Http.Json;
using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Verification.Import;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Registry;
using ComplianceConsole.Tests.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Dashboard;

/// <summary>
/// The dashboard's verification figures come from day counts the writes keep: after every kind of write that adds, decides or
/// deletes a record, they equal what counting the records themselves gives.
/// </summary>
public sealed class VerificationDayCountTests
{
    private const string Verifier = "daycount.verifier@example.cn";

    [Fact]
    public async Task After_every_kind_of_write_the_dashboard_s_verification_figures_equal_a_count_of_the_records()
    {
        var registry = new RegistryApp(new Dictionary<string, string> { [AuditCheckpoints.IntervalConfigurationKey] = "315360000" });
        await registry.InitializeAsync();
        try
        {
            await registry.App.CreateStaffAsync(Verifier, Roles.Verifier);
            await AssertFiguresMatchRecordsAsync(registry);

            // Submissions through the platform's API, one of them a week old, and the retention scenario's (closed accounts among them).
            var now = registry.Clock.GetUtcNow();
            var sent = await registry.Platform().PostAsJsonAsync("/api/v1/verifications", new
            {
                items = new[]
                {
                    new { externalUserId = "dc-api-1", method = "MobileNumber", identifier = "13911110001", realName = "周一", submittedAt = now.AddDays(-8) },
                    new { externalUserId = "dc-api-2", method = "MobileNumber", identifier = "13911110002", realName = "吴二", submittedAt = now.AddDays(-2) },
                    new { externalUserId = "dc-api-3", method = "MobileNumber", identifier = "13911110003", realName = "郑三", submittedAt = now.AddHours(-3) },
                },
            });
            sent.EnsureSuccessStatusCode();
            await RetentionScenario.MakeAsync(registry);
            await AssertFiguresMatchRecordsAsync(registry);

            await ImportAsync(registry, $"""
                平台用户ID,用户昵称,核验方式,证件号码,真实姓名,提交时间
                dc-imp-1,,手机号码,13922220001,王一,{ChinaTime.Format(now.UtcDateTime.AddDays(-4))}
                dc-imp-2,,手机号码,13922220002,王二,{ChinaTime.Format(now.UtcDateTime.AddMinutes(-30))}
                """);
            await AssertFiguresMatchRecordsAsync(registry);

            // Decisions one at a time, then a verified record revoked and another sent back: each leaves one day's count for another's.
            var ids = await RecordIdsAsync(registry);
            await DecideAsync(registry, ids["dc-api-1"], VerificationAction.Verify);
            await DecideAsync(registry, ids["dc-api-2"], VerificationAction.Reject, "identity_mismatch");
            await DecideAsync(registry, ids["dc-imp-1"], VerificationAction.Verify);
            await AssertFiguresMatchRecordsAsync(registry);
            registry.Clock.Advance(TimeSpan.FromDays(2));
            await DecideAsync(registry, ids["dc-api-1"], VerificationAction.Revoke, "user_request");
            await DecideAsync(registry, ids["dc-imp-1"], VerificationAction.RequestResubmission, VerificationTransitions.ResubmissionRequested);
            await AssertFiguresMatchRecordsAsync(registry);

            await using (var scope = registry.App.As(Verifier))
            {
                var queued = await scope.Get<VerificationDecisionService>().QueueBulkAsync(
                    new BulkDecisionInput([ids["dc-api-3"], ids["dc-imp-2"], ids["dc-api-2"]], null, new DecisionRequest(VerificationAction.Verify, null, null)), 3);
                Assert.Equal(JobStatus.Succeeded, (await registry.App.WaitForJobAsync(Verifier, queued.Value)).Status);
            }
            await AssertFiguresMatchRecordsAsync(registry);

            await registry.App.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(40, seed: 5);
            await AssertFiguresMatchRecordsAsync(registry);

            // The closed accounts' records are purged once their rule's days have passed.
            registry.Clock.Advance(TimeSpan.FromDays(400));
            await using (var scope = registry.App.As(RegistryApp.Manager))
            {
                Assert.True((await scope.Get<RetentionPurge>().RunAsync(AuditActor.System)).CountOf(RetentionKind.VerificationRecords) > 0);
            }
            await AssertFiguresMatchRecordsAsync(registry);
            await DayCountBackFill.AssertMigrationsRecountAsync(registry);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    /// <summary>Every day count equals a count of the records, and so do the dashboard's figures for each period, pending ages included.</summary>
    private static async Task AssertFiguresMatchRecordsAsync(RegistryApp registry)
    {
        await using var db = await registry.DbAsync();
        var records = await db.VerificationRecords.AsNoTracking().Select(r => new { r.Status, r.SubmittedAtUtc, r.DecidedAtUtc }).ToListAsync();
        var expected = records.Where(r => r.Status == VerificationStatus.Pending || r.DecidedAtUtc is not null)
            .GroupBy(r => (Key: r.Status.ToString(), Day: ChinaTime.DayOf(r.Status == VerificationStatus.Pending ? r.SubmittedAtUtc : r.DecidedAtUtc!.Value)))
            .Select(g => (g.Key.Key, g.Key.Day, Count: (long)g.Count())).Order().ToList();
        var kept = (await db.DayCounts.AsNoTracking().Where(c => c.Kind == VerificationDayCounts.Kind && c.Count != 0).ToListAsync())
            .Select(c => (c.Key, c.Day, c.Count)).Order().ToList();
        Assert.Equal(expected, kept);

        var now = registry.Clock.GetUtcNow().UtcDateTime;
        var pending = records.Where(r => r.Status == VerificationStatus.Pending).Select(r => r.SubmittedAtUtc).ToList();
        await using var scope = registry.App.As(RegistryApp.Manager);
        foreach (var range in Enum.GetValues<DashboardRange>())
        {
            var figures = (await scope.Get<DashboardQueryService>().GetAsync(range)).TileSets.OfType<VerificationDashboardFigures>().Single();
            Assert.Equal(new PendingVerifications(pending.Count, pending.Count == 0 ? null : pending.Min(),
                pending.Count(t => t > now.AddDays(-1)), pending.Count(t => t <= now.AddDays(-1) && t > now.AddDays(-3)),
                pending.Count(t => t <= now.AddDays(-3) && t > now.AddDays(-7)), pending.Count(t => t <= now.AddDays(-7))), figures.Pending);
            int On(DateOnly day, params VerificationStatus[] statuses) =>
                records.Count(r => statuses.Contains(r.Status) && r.DecidedAtUtc is { } at && ChinaTime.DayOf(at) == day);
            Assert.Equal(figures.Decisions.Select(d => new VerificationDecisionDay(d.Day, On(d.Day, VerificationStatus.Verified), On(d.Day, VerificationStatus.Rejected),
                On(d.Day, VerificationStatus.Expired, VerificationStatus.Revoked))), figures.Decisions);
        }
    }

    private static async Task ImportAsync(RegistryApp registry, string csv)
    {
        byte[] content = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
        await using var scope = registry.App.As(Verifier);
        var imports = scope.Get<VerificationImportService>();
        var file = (await imports.ReceiveAsync(new MemoryStream(content), "dc.csv", content.Length)).Value!;
        var preview = (await imports.PreviewAsync(file)).Value!;
        var started = await imports.StartAsync(file, preview.Mapping, preview.RowCount);
        Assert.Equal(JobStatus.Succeeded, (await registry.App.WaitForJobAsync(Verifier, started.Value)).Status);
    }

    private static async Task<Dictionary<string, long>> RecordIdsAsync(RegistryApp registry)
    {
        await using var db = await registry.DbAsync();
        return await db.VerificationRecords.Where(r => r.PlatformUser.ExternalId.StartsWith("dc-"))
            .Select(r => new { r.PlatformUser.ExternalId, r.Id }).ToDictionaryAsync(r => r.ExternalId, r => r.Id);
    }

    private static async Task DecideAsync(RegistryApp registry, long id, VerificationAction action, string? reason = null)
    {
        await using var scope = registry.App.As(Verifier);
        var version = (await scope.Get<VerificationQueryService>().GetDetailAsync(id))!.Record.Version;
        var saved = await scope.Get<VerificationDecisionService>().DecideAsync(id, (int)version, new DecisionRequest(action, reason, null));
        Assert.True(saved.Succeeded, saved.ToString());
    }
}
