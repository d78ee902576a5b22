using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Webhooks;

/// <summary>The services publish their events in the transaction of the change: review and bulk decisions, sanctions, verification decisions.</summary>
public sealed class PlatformEventPublishingTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    private async Task<IReadOnlyList<PlatformEvent>> EventsAsync(string orderingKey)
    {
        await using var db = await app.DbAsync();
        return await db.PlatformEventOutbox.AsNoTracking().Where(e => e.OrderingKey == orderingKey).OrderBy(e => e.Id).ToListAsync();
    }

    private static JsonElement Data(PlatformEvent evt) => JsonDocument.Parse(evt.Payload).RootElement;

    private async Task<long> ClaimedCaseAsync(string contentId, string author, string staff = WebhookApp.Reviewer)
    {
        var caseId = await ReviewDecisionApp.CreateCaseAsync(app.App.Services, contentId, author, MediaType.Text, null);
        await using var scope = app.App.As(staff);
        Assert.True((await scope.Get<ReviewClaims>().ClaimAsync(caseId)).Succeeded);
        return caseId;
    }

    private async Task<Common.Result> DecideAsync(string staff, long caseId, ReviewDecisionRequest request)
    {
        await using var scope = app.App.As(staff);
        var version = await scope.Get<ReviewCaseQueryService>().VersionAsync(caseId);
        return await scope.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, request);
    }

    [Fact]
    public async Task A_decision_with_a_sanction_publishes_decision_made_for_the_content_and_sanction_applied_for_its_author()
    {
        var caseId = await ClaimedCaseAsync("c-pub-1", "author-pub-1");
        var saved = await DecideAsync(WebhookApp.Reviewer, caseId, new ReviewDecisionRequest(DecisionOutcome.Removed, "rumour", "内部备注")
        {
            Sanction = new SanctionRequest(SanctionKind.Suspension, "rumour", null, DateTime.UtcNow.AddDays(7)),
        });
        Assert.True(saved.Succeeded, saved.ToString());

        var decision = Assert.Single(await EventsAsync("c-pub-1"));
        Assert.Equal(PlatformEventTypes.DecisionMade, decision.Type);
        var data = Data(decision);
        Assert.Equal(("c-pub-1", "author-pub-1", "Removed", "rumour", caseId), (data.GetProperty("contentId").GetString(), data.GetProperty("userId").GetString(),
            data.GetProperty("outcome").GetString(), data.GetProperty("reasonCode").GetString(), data.GetProperty("caseId").GetInt64()));
        Assert.DoesNotContain("内部备注", decision.Payload); // free text stays in the console

        var sanction = Assert.Single(await EventsAsync("author-pub-1"));
        Assert.Equal(PlatformEventTypes.SanctionApplied, sanction.Type);
        Assert.Equal(("Suspension", "c-pub-1"), (Data(sanction).GetProperty("kind").GetString(), Data(sanction).GetProperty("contentId").GetString()));
        Assert.Equal(data.GetProperty("sanctionId").GetInt64(), Data(sanction).GetProperty("sanctionId").GetInt64());

        await using (var manager = app.App.As(WebhookApp.Manager))
        {
            Assert.True((await manager.Get<SanctionService>().LiftAsync(Data(sanction).GetProperty("sanctionId").GetInt64(), "申诉成立，解除")).Succeeded);
        }
        var lifted = (await EventsAsync("author-pub-1")).Last();
        Assert.Equal(PlatformEventTypes.SanctionLifted, lifted.Type);
        Assert.Equal(("author-pub-1", "Suspension"), (Data(lifted).GetProperty("userId").GetString(), Data(lifted).GetProperty("kind").GetString()));
        Assert.DoesNotContain("申诉成立", lifted.Payload);
    }

    [Fact]
    public async Task An_escalation_publishes_nothing_until_the_Manager_decides()
    {
        var caseId = await ClaimedCaseAsync("c-pub-esc", "author-pub-esc");
        Assert.True((await DecideAsync(WebhookApp.Reviewer, caseId, new ReviewDecisionRequest(DecisionOutcome.Escalated, "endangers_security", "请主管判断"))).Succeeded);
        Assert.Empty(await EventsAsync("c-pub-esc"));

        await using (var manager = app.App.As(WebhookApp.Manager))
        {
            Assert.True((await manager.Get<ReviewClaims>().ClaimAsync(caseId)).Succeeded);
        }
        Assert.True((await DecideAsync(WebhookApp.Manager, caseId, new ReviewDecisionRequest(DecisionOutcome.NoViolation, "false_positive", null))).Succeeded);
        Assert.Equal("NoViolation", Data(Assert.Single(await EventsAsync("c-pub-esc"))).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_bulk_decision_publishes_one_decision_made_per_case_it_decided()
    {
        var cases = new List<long>();
        foreach (var n in Enumerable.Range(1, 3)) cases.Add(await ReviewDecisionApp.CreateCaseAsync(app.App.Services, $"c-bulk-{n}", "author-bulk", MediaType.Text, null));
        await using (var manager = app.App.As(WebhookApp.Manager))
        {
            var result = await manager.Get<ReviewBulkDecisionService>().DecideManyAsync(
                new ReviewBulkDecisionInput(cases, null, DecisionOutcome.NoViolation, "false_positive", null), _ => Task.CompletedTask, CancellationToken.None);
            Assert.Equal(3, result.Value!.Decided);
        }
        foreach (var n in Enumerable.Range(1, 3))
        {
            var evt = Assert.Single(await EventsAsync($"c-bulk-{n}"));
            Assert.Equal((PlatformEventTypes.DecisionMade, "NoViolation"), (evt.Type, Data(evt).GetProperty("outcome").GetString()));
        }
    }

    [Fact]
    public async Task Verification_decisions_one_by_one_and_in_bulk_publish_verification_decided_without_personal_data()
    {
        await app.App.SubmitDirectlyAsync(new VerificationSubmission("user-ver-1", null, null, VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜", null));
        await app.App.SubmitDirectlyAsync(new VerificationSubmission("user-ver-2", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", null));
        static VerificationRecord RecordOf(AppDbContext db, string user) => db.VerificationRecords.Single(r => db.PlatformUsers().Any(u => u.Id == r.PlatformUserId && u.ExternalId == user));
        long first, second;
        int version;
        await using (var db = await app.DbAsync()) (first, version, second) = (RecordOf(db, "user-ver-1").Id, RecordOf(db, "user-ver-1").Version, RecordOf(db, "user-ver-2").Id);

        await using (var verifier = app.App.As(WebhookApp.Verifier))
        {
            var decisions = verifier.Get<VerificationDecisionService>();
            Assert.True((await decisions.DecideAsync(first, version, new DecisionRequest(VerificationAction.Reject, "identity_mismatch", "照片与欧阳娜娜不符"))).Succeeded);
            Assert.Equal(1, (await decisions.DecideManyAsync(new BulkDecisionInput([second], null, new DecisionRequest(VerificationAction.Verify, null, null)),
                _ => Task.CompletedTask, CancellationToken.None)).Changed);
        }

        var rejected = Assert.Single(await EventsAsync("user-ver-1"));
        Assert.Equal(PlatformEventTypes.VerificationDecided, rejected.Type);
        Assert.Equal(("Rejected", "identity_mismatch", first), (Data(rejected).GetProperty("status").GetString(), Data(rejected).GetProperty("reasonCode").GetString(),
            Data(rejected).GetProperty("recordId").GetInt64()));
        Assert.DoesNotContain("欧阳", rejected.Payload);
        Assert.DoesNotContain("11010519491231002X", rejected.Payload);
        Assert.Equal("Verified", Data(Assert.Single(await EventsAsync("user-ver-2"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Events_staged_on_a_save_that_fails_or_a_transaction_rolled_back_are_never_published()
    {
        await using (var db = await app.DbAsync())
        {
            PlatformEvents.Add(db, PlatformEventTypes.SanctionApplied, "user-failed-save", new { }, DateTime.UtcNow);
            db.Sanctions.Add(new Sanction { PlatformUserId = 987654, Kind = SanctionKind.Warning, ReasonCode = "rumour", ImposedByName = "test" }); // no such user
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var db = await app.DbAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            PlatformEvents.Add(db, PlatformEventTypes.SanctionApplied, "user-rolled-back", new { }, DateTime.UtcNow);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.Empty(await EventsAsync("user-failed-save"));
        Assert.Empty(await EventsAsync("user-rolled-back"));
    }

    [Fact]
    public async Task A_real_decision_reaches_a_subscribed_receiver_signed_and_a_receiver_not_subscribed_to_it_hears_nothing()
    {
        using var subscribed = new WebhookReceiver();
        using var other = new WebhookReceiver();
        await app.AddEndpointAsync(subscribed, PlatformEventTypes.DecisionMade);
        var otherId = await app.AddEndpointAsync(other, PlatformEventTypes.VerificationDecided);
        var caseId = await ClaimedCaseAsync("c-pub-e2e", "author-pub-e2e");
        Assert.True((await DecideAsync(WebhookApp.Reviewer, caseId, new ReviewDecisionRequest(DecisionOutcome.LabelRequired, "label_missing", null))).Succeeded);

        var received = Assert.Single(await subscribed.WaitForAsync(r => r.Count >= 1));
        Assert.True(received.SignatureValid);
        Assert.Equal(("c-pub-e2e", "LabelRequired"), (received.Data.GetProperty("contentId").GetString(), received.Data.GetProperty("outcome").GetString()));
        // The dispatcher turns a new event into deliveries for every endpoint before it sends any: the pass that reached the
        // subscribed receiver gave the other endpoint nothing to send.
        Assert.DoesNotContain(await app.DeliveriesAsync(otherId), d => d.Type == PlatformEventTypes.DecisionMade);
        Assert.DoesNotContain(other.Received, r => r.Type == PlatformEventTypes.DecisionMade);
    }
}
