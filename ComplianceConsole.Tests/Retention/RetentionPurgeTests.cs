using ComplianceConsole.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Retention;

/// <summary>Each test on an app of its own: the purge changes what the next test would count.</summary>
public class RetentionPurgeTests
{
    private static async Task<RegistryApp> StartAsync()
    {
        var registry = new RegistryApp(NoCheckpoints);
        await registry.InitializeAsync();
        return registry;
    }

    // No signed checkpoint of the audit chain while a test runs (they fall on fixed times, one may come in the middle of the
    // scenario or between the dry run and the run): each puts an audit.checkpoint event in the webhook outbox, which the purge counts.
    private static readonly Dictionary<string, string> NoCheckpoints = new() { [AuditCheckpoints.IntervalConfigurationKey] = "315360000" };

    private static async Task<RetentionReport> DryRunAsync(RegistryApp registry, string who = RegistryApp.Manager)
    {
        await using var scope = registry.App.As(who);
        return await scope.Get<RetentionPurge>().DryRunAsync();
    }

    private static async Task<RetentionReport> RunAsync(RegistryApp registry)
    {
        await using var scope = registry.App.As(RegistryApp.Manager);
        return await scope.Get<RetentionPurge>().RunAsync(AuditActor.System);
    }

    [Fact]
    public async Task A_purge_run_from_the_page_ends_as_a_clean_success_with_its_counts_and_its_progress_complete()
    {
        var registry = await StartAsync();
        try
        {
            await RetentionScenario.MakeAsync(registry);
            registry.Clock.Advance(TimeSpan.FromDays(400));
            var expected = await DryRunAsync(registry);

            long jobId;
            await using (var scope = registry.App.As(RegistryApp.Manager))
            {
                jobId = await scope.Get<Features.Jobs.JobQueue>().EnqueueAsync(RetentionPurgeJobHandler.Kind, new RetentionPurgeInput(), [], total: (int)expected.Total);
            }
            var job = await registry.App.WaitForJobAsync(RegistryApp.Manager, jobId);

            Assert.Equal(Features.Jobs.JobStatus.Succeeded, job.Status);
            Assert.Equal("JobStatus.Succeeded", job.StatusKey);
            Assert.False(job.HasProblems, "a purge's counts per kind are its result, not problem rows");
            Assert.Equal((expected.Total, expected.Total), ((long)job.Done, (long)job.Total));
            Assert.Equal(100, job.Percent);
            Assert.Equal(expected.Kinds.Select(k => k.Count.ToString()), job.Result!.Lines!.Select(l => l.Cells[0]));
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_purge_removes_exactly_what_the_dry_run_counted_and_keeps_what_is_recent_or_held()
    {
        var registry = await StartAsync();
        try
        {
            var made = await RetentionScenario.MakeAsync(registry);
            Assert.Equal(0, (await DryRunAsync(registry)).Total);

            registry.Clock.Advance(TimeSpan.FromDays(400));
            var dryRun = await DryRunAsync(registry, RegistryApp.Auditor);
            var run = await RunAsync(registry);

            Assert.Equal(dryRun.Kinds.Select(k => (k.Kind, k.Count)), run.Kinds.Select(k => (k.Kind, k.Count)));
            Assert.Equal(1, run.CountOf(RetentionKind.VerificationRecords));   // the closed user's; the held one's stays, the open one's too
            Assert.Equal(1, run.CountOf(RetentionKind.ContentItems));          // c-expired; c-held is held, c-recent was decided later
            Assert.Equal(1, run.CountOf(RetentionKind.ComplainantContacts));
            Assert.Equal(1, run.CountOf(RetentionKind.Consents));
            Assert.Equal(1, run.CountOf(RetentionKind.JobFiles));
            Assert.Equal(2, run.CountOf(RetentionKind.WebhookDeliveries));     // the newest event stays
            Assert.Equal(0, run.CountOf(RetentionKind.AuditEvents));           // three years by default

            await using var db = await registry.DbAsync();
            var records = await db.VerificationRecords.Select(r => r.PlatformUser.ExternalId).ToListAsync();
            Assert.DoesNotContain(RetentionScenario.ClosedUser, records);
            Assert.Contains(RetentionScenario.HeldUser, records);
            Assert.Contains(RetentionScenario.OpenUser, records);
            var items = await db.ContentItems.ToDictionaryAsync(i => i.ExternalId, i => (i.Excerpt, i.MediaUrl));
            Assert.Equal((null, null), items["c-expired"]);
            Assert.NotNull(items["c-held"].Excerpt);
            Assert.NotNull(items["c-recent"].Excerpt);
            var contacts = await db.Flags.ToDictionaryAsync(f => f.ReviewCaseId, f => f.ComplainantContactCipher);
            Assert.Null(contacts[made.ExpiredCase]);
            Assert.NotNull(contacts[made.HeldCase]);
            Assert.NotNull(contacts[made.RecentCase]);
            Assert.False(await db.BiometricConsents.AnyAsync(c => c.Id == made.ConsentId));
            Assert.False(await db.EvidenceFiles.AnyAsync(f => f.Owner == EvidenceOwner.Consent && f.OwnerId == made.ConsentId));
            Assert.False(File.Exists(made.EvidencePath), "the evidence file of a purged consent is gone from the disk too");
            Assert.False(Directory.Exists(made.JobFolder));
            Assert.False(await db.JobRecords.AnyAsync(j => j.Id == made.JobId));
            Assert.Equal(1, await db.PlatformEventOutbox.CountAsync());

            var purged = await db.AuditEvents.Where(e => e.Action == AuditActions.RetentionPurged).ToListAsync();
            var counts = JsonDocument.Parse(Assert.Single(purged).Details!).RootElement.GetProperty("Counts");
            Assert.Equal(1, counts.GetProperty("VerificationRecords").GetInt64());
            Assert.Equal(2, counts.GetProperty("WebhookDeliveries").GetInt64());

            Assert.Equal(0, (await DryRunAsync(registry)).Total);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_a_closed_account_s_verified_identity_is_purged_another_person_s_record_of_it_is_no_longer_a_duplicate()
    {
        var registry = await StartAsync();
        try
        {
            foreach (var user in new[] { "dup-closed", "dup-other" })
            {
                await registry.App.SubmitDirectlyAsync(new VerificationSubmission(user, user, PlatformUserKind.Individual, VerificationMethod.MobileNumber,
                    "13912340000", "赵六", null));
            }
            await using (var setUp = await registry.DbAsync())
            {
                // The closed account's record verified, so the other person's record of the same number is a duplicate.
                await setUp.VerificationRecords.Where(r => r.PlatformUser.ExternalId == "dup-closed")
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, VerificationStatus.Verified));
                await setUp.VerificationRecords.Where(r => r.PlatformUser.ExternalId == "dup-other").ExecuteUpdateAsync(u => u.SetProperty(r => r.IsDuplicate, true));
            }
            (await registry.Platform().PostAsync("api/v1/users/dup-closed/closure", null)).EnsureSuccessStatusCode();
            registry.Clock.Advance(TimeSpan.FromDays(400));

            Assert.True((await RunAsync(registry)).CountOf(RetentionKind.VerificationRecords) >= 1);

            await using var db = await registry.DbAsync();
            Assert.False(await db.VerificationRecords.AnyAsync(r => r.PlatformUser.ExternalId == "dup-closed"));
            Assert.False(await db.VerificationRecords.Where(r => r.PlatformUser.ExternalId == "dup-other").Select(r => r.IsDuplicate).SingleAsync());
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task Lifting_a_hold_lets_the_next_purge_take_what_it_kept()
    {
        var registry = await StartAsync();
        try
        {
            await RetentionScenario.MakeAsync(registry);
            registry.Clock.Advance(TimeSpan.FromDays(400));
            await RunAsync(registry);
            await using (var manager = registry.App.As(RegistryApp.Manager))
            {
                var holds = manager.Get<LegalHoldService>();
                var hold = (await holds.ListAsync()).Single(h => h.Target == LegalHoldTarget.PlatformUser);
                Assert.Equal(ResultOutcome.Invalid, (await holds.LiftAsync(hold.Id, hold.Version, " ")).Outcome);
                Assert.True((await holds.LiftAsync(hold.Id, hold.Version, "诉讼结束")).Succeeded);
                Assert.Equal(ResultOutcome.Conflict, (await holds.LiftAsync(hold.Id, hold.Version, "again")).Outcome);
            }
            var dryRun = await DryRunAsync(registry);
            Assert.Equal(1, dryRun.CountOf(RetentionKind.VerificationRecords));
            Assert.Equal(1, (await RunAsync(registry)).CountOf(RetentionKind.VerificationRecords));

            await using var db = await registry.DbAsync();
            Assert.False(await db.VerificationRecords.AnyAsync(r => r.PlatformUser.ExternalId == RetentionScenario.HeldUser));
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.LegalHoldLifted));
            Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.LegalHoldPlaced));
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_purge_of_old_audit_events_the_chain_still_verifies_and_a_removal_below_it_is_still_caught()
    {
        var registry = await StartAsync();
        try
        {
            var checkpoints = registry.App.Services.GetRequiredService<AuditCheckpoints>();
            await checkpoints.WriteAsync();
            registry.Clock.Advance(TimeSpan.FromDays(200));
            await using (var manager = registry.App.As(RegistryApp.Manager))
            {
                Assert.True((await manager.Get<RetentionRuleService>().SaveAsync(new RetentionRuleForm { Kind = RetentionKind.AuditEvents, Days = 184 })).Succeeded);
            }
            await checkpoints.WriteAsync();
            long before;
            await using (var db = await registry.DbAsync()) before = await db.AuditEvents.CountAsync();

            var dryRun = await DryRunAsync(registry);
            var run = await RunAsync(registry);
            Assert.True(dryRun.CountOf(RetentionKind.AuditEvents) > 1, "setup, the API key and the submission wrote events 200 days ago");
            Assert.Equal(dryRun.CountOf(RetentionKind.AuditEvents), run.CountOf(RetentionKind.AuditEvents));

            await using var auditor = registry.App.As(RegistryApp.Auditor);
            var verifier = auditor.Get<AuditChainVerifier>();
            var verified = await verifier.VerifyAsync();
            Assert.True(verified.Intact, string.Join(", ", verified.Breaks.Select(b => $"{b.Sequence}:{b.Kind}")));
            // What was left, plus the purge's own event.
            Assert.Equal(before - run.CountOf(RetentionKind.AuditEvents) + 1, verified.EventsChecked);

            await using var tamper = await registry.DbAsync();
            var oldest = await tamper.AuditEvents.MinAsync(e => e.Sequence);
            await tamper.AuditEvents.Where(e => e.Sequence == oldest).ExecuteDeleteAsync();
            var broken = await verifier.VerifyAsync();
            Assert.Equal(new ChainBreakAt(oldest, ChainBreak.Missing), broken.Breaks[0]);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task Audit_events_are_never_kept_under_six_months_and_only_a_Manager_changes_a_rule()
    {
        var registry = await StartAsync();
        try
        {
            await using (var manager = registry.App.As(RegistryApp.Manager))
            {
                var rules = manager.Get<RetentionRuleService>();
                var refused = await rules.SaveAsync(new RetentionRuleForm { Kind = RetentionKind.AuditEvents, Days = RetentionRules.MinimumAuditDays - 1 });
                Assert.Equal(ResultOutcome.Invalid, refused.Outcome);
                Assert.Equal("Retention.AuditMinimum", Assert.Single(refused.Errors).MessageKey);
                Assert.Equal(ResultOutcome.Invalid, (await rules.SaveAsync(new RetentionRuleForm { Kind = RetentionKind.JobFiles, Days = 0 })).Outcome);
                Assert.True((await rules.SaveAsync(new RetentionRuleForm { Kind = RetentionKind.JobFiles, Days = 7 })).Succeeded);
                Assert.Equal(ResultOutcome.Conflict, (await rules.SaveAsync(new RetentionRuleForm { Kind = RetentionKind.JobFiles, Days = 8 })).Outcome);
                var row = (await rules.GetAsync()).Single(r => r.Kind == RetentionKind.JobFiles);
                Assert.Equal((7, false, TestApp.ShownName(RegistryApp.Manager)), (row.Days, row.IsDefault, row.UpdatedByName));
                Assert.Equal(RetentionRules.DefaultDays(RetentionKind.AuditEvents), (await rules.GetAsync()).Single(r => r.Kind == RetentionKind.AuditEvents).Days);
            }
            await using (var auditor = registry.App.As(RegistryApp.Auditor))
            {
                Assert.Equal(7, (await auditor.Get<RetentionRuleService>().GetAsync()).Single(r => r.Kind == RetentionKind.JobFiles).Days);
                await Assert.ThrowsAsync<PermissionDeniedException>(() => auditor.Get<RetentionRuleService>().SaveAsync(new RetentionRuleForm { Kind = RetentionKind.JobFiles, Days = 9, Version = 1 }));
                await Assert.ThrowsAsync<PermissionDeniedException>(() => auditor.Get<LegalHoldService>().PlaceAsync(new LegalHoldForm { Reference = RegistryApp.PlatformUser, Reason = "x" }));
            }
            await using var db = await registry.DbAsync();
            var changed = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.RetentionRuleChanged);
            Assert.Equal(("RetentionRule", "JobFiles"), (changed.TargetType, changed.TargetId));
            Assert.Contains("\"after\":7", changed.Details);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_hold_names_a_known_user_or_case_once_and_the_platform_reports_an_account_closed_once()
    {
        var registry = await StartAsync();
        try
        {
            await using (var manager = registry.App.As(RegistryApp.Manager))
            {
                var holds = manager.Get<LegalHoldService>();
                var unknown = await holds.PlaceAsync(new LegalHoldForm { Target = LegalHoldTarget.ReviewCase, Reference = "999999", Reason = "检查" });
                Assert.Equal("Retention.Hold.NotFound.ReviewCase", Assert.Single(unknown.Errors).MessageKey);
                Assert.Equal(ResultOutcome.Invalid, (await holds.PlaceAsync(new LegalHoldForm { Reference = RegistryApp.PlatformUser })).Outcome);
                Assert.True((await holds.PlaceAsync(new LegalHoldForm { Reference = RegistryApp.PlatformUser, Reason = "争议" })).Succeeded);
                Assert.Equal("Retention.Hold.AlreadyHeld", (await holds.PlaceAsync(new LegalHoldForm { Reference = RegistryApp.PlatformUser, Reason = "again" })).RefusalKey);
                var userId = (await manager.Get<AccountClosureService>().FindAsync(RegistryApp.PlatformUser))!.Value.Id;
                Assert.Equal("争议", Assert.Single(await holds.ActiveOnAsync(LegalHoldTarget.PlatformUser, userId)).Reason);
            }

            var platform = registry.Platform();
            Assert.Equal(HttpStatusCode.NotFound, (await platform.PostAsync("api/v1/users/nobody/closure", null)).StatusCode);
            var first = await (await platform.PostAsJsonAsync($"api/v1/users/{RegistryApp.PlatformUser}/closure",
                new { closedAt = registry.Clock.GetUtcNow().AddDays(-3) })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(registry.Clock.GetUtcNow().AddDays(-3), first.GetProperty("closedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
            registry.Clock.Advance(TimeSpan.FromDays(1));
            var again = await (await platform.PostAsync($"api/v1/users/{RegistryApp.PlatformUser}/closure", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(first.GetProperty("closedAt").GetDateTimeOffset(), again.GetProperty("closedAt").GetDateTimeOffset());
            Assert.Equal(HttpStatusCode.Unauthorized, (await registry.App.CreateClient().PostAsync($"api/v1/users/{RegistryApp.PlatformUser}/closure", null)).StatusCode);

            await using var db = await registry.DbAsync();
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AccountClosed));
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }
}
