using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review.Appeals;

/// <summary>Appeals from the platform's call to the reviewer's decision, and what the platform then reads back.</summary>
public sealed class AppealTests(ReviewDecisionApp app) : IClassFixture<ReviewDecisionApp>
{
    private const string Reviewer = ReviewDecisionApp.Reviewer;
    private const string SecondReviewer = ReviewDecisionApp.SecondReviewer;

    [Fact]
    public async Task An_appeal_is_answered_the_same_on_every_retry_and_a_reused_id_or_a_second_appeal_is_a_conflict()
    {
        await DecidedWithSuspensionAsync("ap-retry", "author-retry");
        using var platform = app.Platform();
        var appeal = Appeal("pa-retry", "author-retry", content: "ap-retry");

        var first = await platform.PostAsJsonAsync("/api/v1/appeals", appeal);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/v1/appeals/pa-retry", first.Headers.Location!.OriginalString);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Open", body.GetProperty("state").GetString());
        Assert.Equal("Removed", body.GetProperty("appealedDecision").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("outcome").ValueKind);

        var again = await platform.PostAsJsonAsync("/api/v1/appeals", appeal);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(body.ToString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).ToString());

        var changed = await platform.PostAsJsonAsync("/api/v1/appeals", Appeal("pa-retry", "author-retry", content: "ap-retry", statement: "另一份理由"));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType!.MediaType);
        Assert.Contains("pa-retry", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var second = await platform.PostAsJsonAsync("/api/v1/appeals", Appeal("pa-retry-2", "author-retry", content: "ap-retry"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("pa-retry", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var openApi = await app.App.CreateBrowserlikeClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/appeals", openApi);
        Assert.Contains("Overturned: the appealed decision was wrong", openApi);
        var read = await platform.GetFromJsonAsync<JsonElement>("/api/v1/appeals/pa-retry");
        Assert.Equal("Open", read.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync("/api/v1/appeals/pa-never")).StatusCode);
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Appeals.CountAsync(a => a.PlatformAppealId.StartsWith("pa-retry")));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AppealReceived && e.TargetId == "pa-retry"));
    }

    [Fact]
    public async Task Bad_appeals_are_refused_naming_each_field()
    {
        await app.CreateCaseAsync("ap-undecided", "author-undecided");
        await DecidedWithSuspensionAsync("ap-bad", "author-bad");
        using var platform = app.Platform();

        var errors = await ErrorsAsync(platform, new { statement = "坏\u0007字符", contentExternalId = "" });
        Assert.Equal(["contentExternalId", "platformAppealId", "statement", "userExternalId"], errors.Keys.Order());

        var tooLong = await ErrorsAsync(platform, Appeal("pa-long", "author-bad", content: "ap-bad", statement: new string('长', AppealRules.MaxStatementLength + 1)));
        Assert.Equal(["statement"], tooLong.Keys);

        var notANumber = await platform.PostAsync("/api/v1/appeals", new StringContent("""{"platformAppealId":"pa-nan","sanctionId":"one"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.True((await notANumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sanctionId", out _));

        Assert.Equal(["userExternalId"], (await ErrorsAsync(platform, Appeal("pa-who", "someone-else", content: "ap-bad"))).Keys);
        Assert.Equal(["contentExternalId"], (await ErrorsAsync(platform, Appeal("pa-none", "author-x", content: "ap-never-sent"))).Keys);
        Assert.Equal(["contentExternalId"], (await ErrorsAsync(platform, Appeal("pa-open", "author-undecided", content: "ap-undecided"))).Keys);
        Assert.Equal(["sanctionId"], (await ErrorsAsync(platform, Appeal("pa-sanction", "author-bad", sanction: 999_999))).Keys);

        // An appeal is not a flag: the flags call refuses the source.
        var flag = await platform.PostAsJsonAsync("/api/v1/flags", new { items = new[] { new { contentExternalId = "ap-bad", source = "Appeal", reason = "申诉" } } });
        var result = (await flag.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.Equal("Invalid", result.GetProperty("outcome").GetString());
        Assert.True(result.GetProperty("errors").TryGetProperty("items[0].source", out _));
        await using var db = await app.DbAsync();
        Assert.False(await db.Appeals.AnyAsync(a => a.PlatformAppealId == "pa-who" || a.PlatformAppealId == "pa-long"));
    }

    [Fact]
    public async Task An_appeal_reopens_the_case_in_the_appeals_view_due_under_the_appeals_time_limit()
    {
        await using (var manager = app.App.As(ReviewDecisionApp.Manager))
        {
            var rows = await manager.Get<TimeLimitSettingsService>().GetAsync();
            Assert.Contains(rows, r => r is { Source: FlagSource.Appeal, IsDefault: true, Amount: 15, Unit: TimeLimitUnit.WorkingDays });
            var saved = await manager.Get<TimeLimitSettingsService>().SaveAsync(new SourceTimeLimitForm { Source = FlagSource.Appeal, Amount = 5, Unit = TimeLimitUnit.WorkingDays });
            Assert.True(saved.Succeeded);
        }
        var caseId = await DecidedWithSuspensionAsync("ap-due", "author-due");
        using var platform = app.Platform();
        var body = await (await platform.PostAsJsonAsync("/api/v1/appeals", Appeal("pa-due", "author-due", content: "ap-due"))).Content.ReadFromJsonAsync<JsonElement>();

        var received = body.GetProperty("receivedAt").GetDateTimeOffset().UtcDateTime;
        var due = ReviewDeadlines.DueAt(received, 5, TimeLimitUnit.WorkingDays, WorkingCalendar.WeekdaysOnly);
        Assert.Equal(due, body.GetProperty("dueAt").GetDateTimeOffset().UtcDateTime);
        var reviewCase = await CaseAsync(caseId);
        Assert.Equal(ReviewCaseState.Open, reviewCase.State);
        Assert.Equal(due, reviewCase.DueAtUtc);
        await using var db = await app.DbAsync();
        var appealsView = ReviewQueueView.Parse("source:Appeal").Apply(db.ReviewCases, null, DateTime.UtcNow);
        Assert.Contains(caseId, await appealsView.Select(c => c.Id).ToListAsync());
        Assert.DoesNotContain(caseId, await ReviewQueueView.Parse("source:UserComplaint").Apply(db.ReviewCases, null, DateTime.UtcNow).Select(c => c.Id).ToListAsync());
    }

    [Fact]
    public async Task The_reviewer_who_made_the_decision_may_not_decide_its_appeal_and_the_case_waits_for_the_appeal()
    {
        var caseId = await DecidedWithSuspensionAsync("ap-own", "author-own");
        using var platform = app.Platform();
        Assert.Equal(HttpStatusCode.Created, (await platform.PostAsJsonAsync("/api/v1/appeals", Appeal("pa-own", "author-own", content: "ap-own"))).StatusCode);
        var appealId = (await app.DetailAsync(caseId)).OpenAppeal!.Id;

        await using (var decider = app.App.As(Reviewer))
        {
            // "Start reviewing" in the appeals view never hands the decider an appeal against their own decision (every
            // decision in this class is theirs, so the view has nothing for them).
            Assert.Equal(ClaimOutcome.QueueEmpty, (await decider.Get<ReviewClaims>().ClaimNextAsync(ReviewQueueView.Parse("source:Appeal"))).Outcome);
        }
        Assert.Equal(ClaimOutcome.OwnDecisionAppealed, (await app.ClaimAsync(Reviewer, caseId)).Outcome); // nor may they take the case
        var refused = await DecideAppealAsync(Reviewer, caseId, appealId, new AppealDecisionRequest(AppealOutcome.Overturned, "misjudged", "我自己也觉得判错了"));
        Assert.Equal("Review.Appeal.OwnDecision", refused.RefusalKey);
        Assert.True((await app.ClaimAsync(SecondReviewer, caseId)).Succeeded);
        var decision = await app.DecideAsync(SecondReviewer, caseId, new ReviewDecisionRequest(DecisionOutcome.NoViolation, "false_positive", null));
        Assert.Equal("Review.Decide.AppealOpen", decision.RefusalKey);

        var detail = await app.DetailAsync(caseId);
        Assert.Equal(AppealState.Open, detail.OpenAppeal!.State);
        Assert.Single(detail.AuthorSanctions, s => s.IsActive);
    }

    [Fact]
    public async Task Overturning_lifts_the_sanction_and_the_eligibility_api_answers_eligible_again_with_the_history_kept()
    {
        var caseId = await DecidedWithSuspensionAsync("ap-over", "author-over");
        await VerifiedAsync("author-over");
        using var platform = app.Platform();
        Assert.Equal("Sanctioned", (await EligibilityAsync(platform, "author-over")).GetProperty("reason").GetString());
        var sanctionId = (await platform.GetFromJsonAsync<JsonElement>("/api/v1/content/ap-over")).GetProperty("authorSanctions")[0].GetProperty("id").GetInt64();

        var submitted = await platform.PostAsJsonAsync("/api/v1/appeals", Appeal("pa-over", "author-over", sanction: sanctionId));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var appealId = (await app.DetailAsync(caseId)).OpenAppeal!.Id;
        Assert.True((await app.ClaimAsync(SecondReviewer, caseId)).Succeeded);
        var saved = await DecideAppealAsync(SecondReviewer, caseId, appealId, new AppealDecisionRequest(AppealOutcome.Overturned, "new_evidence", "用户提供了原始拍摄素材"));
        Assert.Equal(ResultOutcome.Succeeded, saved.Outcome);

        var eligibility = await EligibilityAsync(platform, "author-over");
        Assert.True(eligibility.GetProperty("eligible").GetBoolean());
        Assert.Equal("Verified", eligibility.GetProperty("reason").GetString());
        var appeal = await platform.GetFromJsonAsync<JsonElement>("/api/v1/appeals/pa-over");
        Assert.Equal(("Decided", "Overturned", "new_evidence"),
            (appeal.GetProperty("state").GetString(), appeal.GetProperty("outcome").GetString(), appeal.GetProperty("reasonCode").GetString()));
        var content = await platform.GetFromJsonAsync<JsonElement>("/api/v1/content/ap-over");
        Assert.Equal(0, content.GetProperty("authorSanctions").GetArrayLength());
        var latest = content.GetProperty("latestDecision");
        Assert.Equal(("Removed", "pa-over", "Overturned"), (latest.GetProperty("outcome").GetString(),
            latest.GetProperty("appeal").GetProperty("platformAppealId").GetString(), latest.GetProperty("appeal").GetProperty("outcome").GetString()));

        var detail = await app.DetailAsync(caseId);
        Assert.Equal(ReviewCaseState.Decided, detail.Case.State);
        Assert.Equal((DecisionOutcome.Removed, "reviewer"), (detail.Decision!.Outcome, detail.Decision.DecidedByName)); // by display name
        Assert.Equal([ReviewCaseEventKind.Decided, ReviewCaseEventKind.Flagged, ReviewCaseEventKind.Claimed, ReviewCaseEventKind.AppealDecided, ReviewCaseEventKind.SanctionLifted],
            detail.History.SkipWhile(e => e.Kind != ReviewCaseEventKind.Decided).Select(e => e.Kind));
        Assert.Equal(nameof(FlagSource.Appeal), detail.History.Single(e => e.Kind == ReviewCaseEventKind.Flagged && e.Detail == nameof(FlagSource.Appeal)).Detail);
        var lifted = Assert.Single(detail.AuthorSanctions);
        Assert.False(lifted.IsActive);
        Assert.Equal(new AppealSummary(AppealState.Decided, AppealOutcome.Overturned, lifted.LiftedAtUtc), lifted.Appeal);
        Assert.Equal((AppealOutcome.Overturned, "用户提供了原始拍摄素材", "reviewer2"), (detail.Appeals[0].Outcome, detail.Appeals[0].Note, detail.Appeals[0].DecidedByName));

        await using var db = await app.DbAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AppealDecided && e.TargetId == "pa-over" && e.Details!.Contains("Overturned")));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.SanctionLifted && e.TargetId == sanctionId.ToString() && e.Details!.Contains("pa-over")));
        // The platform hears of both without polling: the appeal's outcome in the content item's order, the lift in the user's.
        var appealEvent = await db.PlatformEventOutbox.SingleAsync(e => e.Type == Features.Webhooks.PlatformEventTypes.AppealDecided && e.Payload.Contains("pa-over"));
        Assert.Equal("ap-over", appealEvent.OrderingKey);
        Assert.Contains("Overturned", appealEvent.Payload);
        var liftEvent = await db.PlatformEventOutbox.SingleAsync(e => e.Type == Features.Webhooks.PlatformEventTypes.SanctionLifted && e.Payload.Contains("pa-over"));
        Assert.Equal("author-over", liftEvent.OrderingKey);
    }

    [Fact]
    public async Task Upholding_keeps_the_sanction_and_returns_the_case_to_decided()
    {
        var caseId = await DecidedWithSuspensionAsync("ap-up", "author-up");
        await VerifiedAsync("author-up");
        using var platform = app.Platform();
        await platform.PostAsJsonAsync("/api/v1/appeals", Appeal("pa-up", "author-up", content: "ap-up"));
        var appealId = (await app.DetailAsync(caseId)).OpenAppeal!.Id;
        Assert.True((await app.ClaimAsync(SecondReviewer, caseId)).Succeeded);

        var incomplete = await DecideAppealAsync(SecondReviewer, caseId, appealId, new AppealDecisionRequest(AppealOutcome.Upheld, "new_evidence", " "));
        Assert.Equal(["ReasonCode", "Note"], incomplete.Errors.Select(e => e.Field));
        var saved = await DecideAppealAsync(SecondReviewer, caseId, appealId, new AppealDecisionRequest(AppealOutcome.Upheld, "violation_confirmed", "视频确为 AI 合成的谣言"));
        Assert.Equal(ResultOutcome.Succeeded, saved.Outcome);

        Assert.Equal("Sanctioned", (await EligibilityAsync(platform, "author-up")).GetProperty("reason").GetString());
        var detail = await app.DetailAsync(caseId);
        Assert.Equal(ReviewCaseState.Decided, detail.Case.State);
        Assert.Null(detail.Case.ClaimedById);
        Assert.Null(detail.OpenAppeal);
        Assert.Contains(detail.History, e => e.Kind == ReviewCaseEventKind.Decided);
        Assert.Contains(detail.History, e => e.Kind == ReviewCaseEventKind.AppealDecided && e.Detail == "Upheld violation_confirmed");
        Assert.DoesNotContain(detail.History, e => e.Kind == ReviewCaseEventKind.SanctionLifted);
        Assert.True(Assert.Single(detail.AuthorSanctions).IsActive);
        Assert.Equal("Review.Appeal.AlreadyDecided",
            (await DecideAppealAsync(SecondReviewer, caseId, appealId, new AppealDecisionRequest(AppealOutcome.Overturned, "misjudged", "再来一次"))).RefusalKey);
    }

    private async Task<long> DecidedWithSuspensionAsync(string content, string author, string reason = "rumour", DecisionOutcome outcome = DecisionOutcome.Removed)
    {
        var caseId = await app.CreateCaseAsync(content, author);
        Assert.True((await app.ClaimAsync(Reviewer, caseId)).Succeeded);
        var saved = await app.DecideAsync(Reviewer, caseId, new ReviewDecisionRequest(outcome, reason, "AI 合成的虚假视频")
        {
            Sanction = new SanctionRequest(SanctionKind.Suspension, reason, null, DateTime.UtcNow.AddDays(7)),
        });
        Assert.Equal(ResultOutcome.Succeeded, saved.Outcome);
        return caseId;
    }

    private async Task VerifiedAsync(string author)
    {
        await using var db = await app.DbAsync();
        var user = await db.PlatformUsers().SingleAsync(u => u.ExternalId == author);
        db.VerificationRecords.Add(new VerificationRecord
        {
            PlatformUserId = user.Id, Method = VerificationMethod.MobileNumber, IdentifierCipher = [1], IdentifierHash = "hash-" + author, RealNameCipher = [1],
            Status = VerificationStatus.Verified, SubmittedAtUtc = DateTime.UtcNow.AddDays(-1), DecidedAtUtc = DateTime.UtcNow.AddDays(-1), SubmissionKey = "key-" + author,
        });
        await db.SaveChangesAsync();
    }

    private async Task<Result> DecideAppealAsync(string staff, long caseId, long appealId, AppealDecisionRequest request)
    {
        await using var scope = app.App.As(staff);
        var version = await scope.Get<ReviewCaseQueryService>().VersionAsync(caseId);
        return await scope.Get<AppealDecisionService>().DecideAsync(appealId, version!.Value, request);
    }

    private async Task<ReviewCase> CaseAsync(long caseId)
    {
        await using var db = await app.DbAsync();
        return await db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    private static async Task<JsonElement> EligibilityAsync(HttpClient platform, string user) =>
        await platform.GetFromJsonAsync<JsonElement>($"/api/v1/users/{user}/eligibility");

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpClient platform, object appeal)
    {
        var response = await platform.PostAsJsonAsync("/api/v1/appeals", appeal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    internal static Dictionary<string, object?> Appeal(string id, string user, string? content = null, long? sanction = null, string statement = "视频是我本人拍摄的，并非 AI 合成，请复核。") => new()
    {
        ["platformAppealId"] = id, ["contentExternalId"] = content, ["sanctionId"] = sanction, ["userExternalId"] = user, ["statement"] = statement,
    };
}
