using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.Ingestion;

public sealed class ContentApiTests(ContentApp app) : IClassFixture<ContentApp>
{
    private static JsonElement Result(JsonElement body, int index) => body.GetProperty("results")[index];

    private static string Outcome(JsonElement body, int index) => Result(body, index).GetProperty("outcome").GetString()!;

    [Fact]
    public async Task A_batch_held_up_by_an_instance_frozen_mid_batch_is_answered_503_with_retry_after_and_small_audited_writes_go_on()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "Several instances share a PostgreSQL database; SQLite is one instance by design.");
        await using var frozen = await app.DbAsync();
        await using (var held = await frozen.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            // Another instance stopped in the middle of writing a content batch: it holds the lock content batches take.
            await frozen.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Data.WriteLock.ReviewCasesExclusive.Key})", TestContext.Current.CancellationToken);

            await app.App.Services.GetRequiredService<AuditTrail>().RecordAsync(app.App.Services.GetRequiredService<IDbContextFactory<Data.AppDbContext>>(),
                AuditActor.System, AuditActions.ChainVerified, cancellationToken: TestContext.Current.CancellationToken); // waits for nothing
            var waited = await app.Platform().PostAsJsonAsync("/api/v1/content", new { items = new[] { ContentApp.Item("stalled-1") } }, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
            Assert.NotNull(waited.Headers.RetryAfter);
        }
        var retried = await app.PostAsync("/api/v1/content", ContentApp.Item("stalled-1"));
        Assert.Equal("Created", Outcome(retried, 0));
    }

    [Fact]
    public async Task A_content_batch_tells_the_operators_metrics_how_long_each_of_its_phases_and_each_table_it_wrote_took()
    {
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Tag, string Name, double Milliseconds)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ComplianceConsole.Ingestion" && instrument.Name is "cc.ingestion.batch.phase" or "cc.ingestion.batch.table")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags) measured.Add((tag.Key, (string)tag.Value!, value));
        });
        listener.Start();
        var flagged = ContentApp.Item("timed-2");
        flagged["explicitLabelStatus"] = "Missing";

        var answer = await app.PostAsync("/api/v1/content", ContentApp.Item("timed-1"), flagged);

        Assert.Equal(["Created", "Created"], [Outcome(answer, 0), Outcome(answer, 1)]);
        Assert.Equal(["audit", "checking", "commit", "lookups", "waiting", "writing"], Names("phase"));
        // Only the tables the batch wrote rows to: no changes, hashes or file readings were sent.
        Assert.Equal(["ContentItems", "Flags", "PendingSearchItems", "ReviewCaseEvents", "ReviewCases"], Names("table"));
        Assert.All(measured, m => Assert.True(m.Milliseconds >= 0));

        List<string> Names(string tag) => [.. measured.Where(m => m.Tag == tag).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_bad_item_in_the_middle_is_named_and_the_good_ones_are_stored_once_however_often_the_batch_is_sent()
    {
        var bad = ContentApp.Item("mid-bad");
        bad["explicitLabelStatus"] = "Gone";
        bad["mediaUrl"] = "ftp://files.example.cn/x";
        object[] batch = [ContentApp.Item("mid-1"), bad, ContentApp.Item("mid-2")];
        await using var db = await app.DbAsync();
        var auditsBefore = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ContentSubmitted);

        var first = await app.PostAsync("/api/v1/content", batch);

        Assert.Equal((2, 0, 0, 1), Counts(first));
        Assert.Equal(["Created", "Invalid", "Created"], Enumerable.Range(0, 3).Select(i => Outcome(first, i)));
        var errors = Result(first, 1).GetProperty("errors");
        Assert.Contains("Present, Missing, Tampered", errors.GetProperty("items[1].explicitLabelStatus")[0].GetString());
        Assert.True(errors.TryGetProperty("items[1].mediaUrl", out _));
        Assert.Equal(JsonValueKind.Null, Result(first, 0).GetProperty("errors").ValueKind);

        var again = await app.PostAsync("/api/v1/content", batch);
        Assert.Equal((0, 0, 2, 1), Counts(again));
        Assert.Equal(Result(first, 2).GetProperty("id").GetInt64(), Result(again, 2).GetProperty("id").GetInt64());

        Assert.Equal(2, await db.ContentItems.CountAsync(c => c.ExternalId.StartsWith("mid-")));
        await app.App.Services.ChainAuditAsync(); // the context was opened before the posts, whose events PostgreSQL chains just after
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ContentSubmitted) - auditsBefore);
        var author = await db.PlatformUsers().SingleAsync(u => u.ExternalId == "author-mid-1");
        Assert.Equal("作者", author.DisplayName);
    }

    [Fact]
    public async Task A_changed_item_is_updated_with_its_change_kept_and_its_failing_label_flagged_once()
    {
        var item = ContentApp.Item("changing");
        var created = await app.PostAsync("/api/v1/content", item);
        Assert.Equal("Created", Outcome(created, 0));
        Assert.Equal(JsonValueKind.Null, Result(created, 0).GetProperty("caseId").ValueKind);

        item["excerpt"] = "改过的文字";
        item["explicitLabelStatus"] = "Missing";
        var updated = await app.PostAsync("/api/v1/content", item);
        Assert.Equal("Updated", Outcome(updated, 0));
        Assert.Equal(1, Result(updated, 0).GetProperty("flagsAdded").GetInt32());
        Assert.Equal(JsonValueKind.Number, Result(updated, 0).GetProperty("caseId").ValueKind);

        item["mediaUrl"] = "https://cdn.example.cn/c/changing-v3";
        var third = await app.PostAsync("/api/v1/content", item);
        Assert.Equal("Updated", Outcome(third, 0));
        Assert.Equal(0, Result(third, 0).GetProperty("flagsAdded").GetInt32());

        await using var db = await app.DbAsync();
        var stored = await db.ContentItems.SingleAsync(c => c.ExternalId == "changing");
        Assert.Equal(3, stored.Version);
        Assert.Equal("改过的文字", stored.Excerpt);
        var changes = await db.ContentItemChanges.Where(c => c.ContentItemId == stored.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, changes.Count);
        var firstChange = JsonDocument.Parse(changes[0].ChangesJson).RootElement;
        Assert.Equal("一段普通的生成文字", firstChange.GetProperty("excerpt").GetProperty("from").GetString());
        Assert.Equal("改过的文字", firstChange.GetProperty("excerpt").GetProperty("to").GetString());
        Assert.Equal("Missing", firstChange.GetProperty("explicitLabelStatus").GetProperty("to").GetString());
        Assert.False(firstChange.TryGetProperty("mediaUrl", out _));
        Assert.Equal("api:platform", changes[0].Actor);

        var flag = await db.Flags.SingleAsync(f => f.ContentItemId == stored.Id);
        Assert.Equal((FlagSource.LabelCheck, LabelCheckCodes.ExplicitMissing), (flag.Source, flag.ReasonCode));
        var @case = await db.ReviewCases.SingleAsync(c => c.ContentItemId == stored.Id);
        Assert.Equal((LabelStatus.Missing, MediaType.Text, 1), (@case.LabelStatus, @case.MediaType, @case.FlagCount));
    }

    [Fact]
    public async Task The_feature_library_flags_a_matching_item_naming_the_rule_and_never_twice()
    {
        long ruleId;
        await using (var db = await app.DbAsync())
        {
            var rule = new FeatureRule { Kind = FeatureRuleKind.Keyword, Value = "一键换脸教程", ReasonCode = "fraud_impersonation", CreatedByName = "test",
                UpdatedByName = "test", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.FeatureRules.Add(rule);
            await db.SaveChangesAsync();
            ruleId = rule.Id;
        }
        var item = ContentApp.Item("library-hit", "免费的一键换脸教程，私信领取");
        var first = await app.PostAsync("/api/v1/content", item);
        Assert.Equal(1, Result(first, 0).GetProperty("flagsAdded").GetInt32());

        item["excerpt"] = "还是那个一键换脸教程";
        var changed = await app.PostAsync("/api/v1/content", item);
        Assert.Equal("Updated", Outcome(changed, 0));
        Assert.Equal(0, Result(changed, 0).GetProperty("flagsAdded").GetInt32());

        await using var check = await app.DbAsync();
        var flag = await check.Flags.SingleAsync(f => f.ContentItemId == Result(first, 0).GetProperty("id").GetInt64());
        Assert.Equal((FlagSource.FeatureLibrary, ruleId, "fraud_impersonation", "一键换脸教程"), (flag.Source, flag.FeatureRuleId!.Value, flag.ReasonCode, flag.MatchedText));
        Assert.Equal(flag.ReceivedAtUtc.AddHours(24), flag.DueAtUtc);
    }

    [Fact]
    public async Task Flags_from_several_sources_gather_in_one_case_due_at_the_earliest_and_weighing_more_with_each()
    {
        var item = ContentApp.Item("merge");
        item["explicitLabelStatus"] = "Tampered";
        var created = await app.PostAsync("/api/v1/content", item);
        var caseId = Result(created, 0).GetProperty("caseId").GetInt64();
        var heard = new List<ReviewCaseChanged>();
        using var subscription = app.App.Services.GetRequiredService<ILiveNotifier>().Subscribe<ReviewCaseChanged>(m => { lock (heard) heard.Add(m); });

        var labelOnly = await CaseAsync(caseId);
        Assert.Equal((1, ReviewSources.Weight(FlagSource.LabelCheck), LabelStatus.Tampered), (labelOnly.FlagCount, labelOnly.Priority, labelOnly.LabelStatus));

        var complaint = await app.PostAsync("/api/v1/flags",
            new { contentExternalId = "merge", source = "UserComplaint", reason = "冒充我的声音", complainantContact = "13800001234", externalId = "complaint-1" });
        Assert.Equal("Created", Outcome(complaint, 0));
        Assert.Equal(caseId, Result(complaint, 0).GetProperty("caseId").GetInt64());
        var afterComplaint = await CaseAsync(caseId);
        Assert.Equal(labelOnly.DueAtUtc, afterComplaint.DueAtUtc); // 3 working days come before 15
        Assert.True(afterComplaint.Priority > labelOnly.Priority);

        var notice = await app.PostAsync("/api/v1/flags", new { contentExternalId = "merge", source = "RegulatorNotice", reason = "网信办通知 2026-118" });
        var afterNotice = await CaseAsync(caseId);
        Assert.True(afterNotice.DueAtUtc < afterComplaint.DueAtUtc);
        Assert.True(afterNotice.Priority > afterComplaint.Priority);
        Assert.True(afterNotice.QueueOrder < afterComplaint.QueueOrder);
        Assert.Equal(3, afterNotice.FlagCount);
        Assert.Equal(ReviewSources.Bit(FlagSource.LabelCheck) | ReviewSources.Bit(FlagSource.UserComplaint) | ReviewSources.Bit(FlagSource.RegulatorNotice),
            afterNotice.SourceMask);
        lock (heard) Assert.Equal(2, heard.Count(m => m.CaseId == caseId));

        var retried = await app.PostAsync("/api/v1/flags",
            new { contentExternalId = "merge", source = "UserComplaint", reason = "冒充我的声音", complainantContact = "13800001234", externalId = "complaint-1" });
        Assert.Equal("Unchanged", Outcome(retried, 0));
        Assert.Equal(Result(complaint, 0).GetProperty("id").GetInt64(), Result(retried, 0).GetProperty("id").GetInt64());

        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.ReviewCases.CountAsync(c => c.ContentItemId == Result(created, 0).GetProperty("id").GetInt64()));
        Assert.Equal(3, await db.Flags.CountAsync(f => f.ReviewCaseId == caseId));
        Assert.Equal(3, await db.ReviewCaseEvents.CountAsync(e => e.ReviewCaseId == caseId && e.Kind == ReviewCaseEventKind.Flagged));
        var stored = await db.Flags.SingleAsync(f => f.ExternalId == "complaint-1");
        Assert.DoesNotContain("13800001234", Encoding.UTF8.GetString(stored.ComplainantContactCipher!));
        Assert.Equal("13800001234", app.App.Services.GetRequiredService<PiiProtector>().Decrypt(stored.ComplainantContactCipher!));
        Assert.Contains(await db.AuditEvents.Where(e => e.Action == AuditActions.FlagsSubmitted).Select(e => e.Details).ToListAsync(),
            d => d!.Contains("\"RegulatorNotice\":1"));
    }

    [Fact]
    public async Task An_item_sent_again_unchanged_answers_with_its_case_as_the_first_answer_did()
    {
        var item = ContentApp.Item("resent");
        item["explicitLabelStatus"] = "Missing";
        var first = Result(await app.PostAsync("/api/v1/content", item), 0);
        var caseId = first.GetProperty("caseId").GetInt64();

        var again = Result(await app.PostAsync("/api/v1/content", item), 0);

        Assert.Equal("Unchanged", again.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal(caseId, again.GetProperty("caseId").GetInt64());
    }

    [Fact]
    public async Task A_flag_on_a_decided_case_reopens_it_with_only_the_new_flag_counted_and_its_decision_kept()
    {
        var item = ContentApp.Item("reopen");
        item["explicitLabelStatus"] = "Missing";
        var caseId = Result(await app.PostAsync("/api/v1/content", item), 0).GetProperty("caseId").GetInt64();
        var decisionId = await DecideAsync(caseId);

        var flagged = await app.PostAsync("/api/v1/flags", new { contentExternalId = "reopen", source = "Staff", reason = "复查" });

        Assert.Equal("Created", Outcome(flagged, 0));
        var reopened = await CaseAsync(caseId);
        Assert.Equal(ReviewCaseState.Open, reopened.State);
        Assert.Equal(decisionId, reopened.DecisionId);
        Assert.Equal((1, ReviewSources.Bit(FlagSource.Staff), ReviewSources.Weight(FlagSource.Staff)), (reopened.FlagCount, reopened.SourceMask, reopened.Priority));
    }

    [Fact]
    public async Task A_flag_on_an_unknown_item_is_named_and_the_other_flags_of_the_batch_are_stored()
    {
        await app.PostAsync("/api/v1/content", ContentApp.Item("known"));
        var body = await app.PostAsync("/api/v1/flags",
            new { contentExternalId = "never-sent", source = "Staff", reason = "x" },
            new { contentExternalId = "known", source = "Staff", reason = "看一下", complainantContact = "a@b.cn" },
            new { contentExternalId = "known", source = "Robot", reason = "x" },
            new { contentExternalId = "known", source = "Staff", reason = "看一下" });

        Assert.Equal((1, 0, 0, 3), Counts(body));
        Assert.True(Result(body, 0).GetProperty("errors").TryGetProperty("items[0].contentExternalId", out _));
        Assert.True(Result(body, 1).GetProperty("errors").TryGetProperty("items[1].complainantContact", out _));
        Assert.True(Result(body, 2).GetProperty("errors").TryGetProperty("items[2].source", out _));
        Assert.Equal("Created", Outcome(body, 3));
    }

    [Fact]
    public async Task The_platform_reads_an_items_case_its_latest_decision_and_its_authors_sanctions_in_force()
    {
        var client = app.Platform(app.ReadOnlyKey);
        var unknown = await client.GetAsync("/api/v1/content/no-such-item");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        await app.PostAsync("/api/v1/content", ContentApp.Item("status-clean"));
        var clean = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/status-clean");
        Assert.Equal(("None", 0), (clean.GetProperty("caseState").GetString(), clean.GetProperty("openFlags").GetInt32()));

        var item = ContentApp.Item("status-flagged");
        item["explicitLabelStatus"] = "Tampered";
        var caseId = Result(await app.PostAsync("/api/v1/content", item), 0).GetProperty("caseId").GetInt64();
        var open = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/status-flagged");
        Assert.Equal(("Open", 1), (open.GetProperty("caseState").GetString(), open.GetProperty("openFlags").GetInt32()));
        Assert.Equal(JsonValueKind.Null, open.GetProperty("latestDecision").ValueKind);

        await DecideAsync(caseId);
        await using (var db = await app.DbAsync())
        {
            var authorId = await db.PlatformUsers().Where(u => u.ExternalId == "author-status-flagged").Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            Sanction Sanction(SanctionKind kind, DateTime starts, DateTime? ends, DateTime? lifted = null) => new()
            {
                PlatformUserId = authorId, Kind = kind, StartsAtUtc = starts, EndsAtUtc = ends, LiftedAtUtc = lifted, ReasonCode = "label_tampered",
                ImposedByName = "reviewer", ImposedAtUtc = starts,
            };
            db.Sanctions.AddRange(
                Sanction(SanctionKind.Suspension, now.AddHours(-1), now.AddDays(7)),
                Sanction(SanctionKind.Warning, now.AddDays(-30), now.AddDays(-20)),
                Sanction(SanctionKind.AccountClosure, now.AddHours(-2), null, lifted: now.AddHours(-1)),
                Sanction(SanctionKind.FunctionRestriction, now.AddDays(1), null));
            await db.SaveChangesAsync();
        }
        var decided = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/status-flagged");
        Assert.Equal(("Decided", 0), (decided.GetProperty("caseState").GetString(), decided.GetProperty("openFlags").GetInt32()));
        Assert.Equal("LabelRequired", decided.GetProperty("latestDecision").GetProperty("outcome").GetString());
        Assert.Equal("label_tampered", decided.GetProperty("latestDecision").GetProperty("reasonCode").GetString());
        var sanction = Assert.Single(decided.GetProperty("authorSanctions").EnumerateArray());
        Assert.Equal("Suspension", sanction.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.String, sanction.GetProperty("endsAt").ValueKind);
    }

    [Fact]
    public async Task Half_a_surrogate_pair_escaped_in_the_json_is_that_items_field_error_and_the_rest_of_the_batch_is_stored()
    {
        // "\ud800" alone is valid JSON but no text: it is named on its item like any forbidden character, not a 400 for the batch.
        var json = JsonSerializer.Serialize(new { items = new[] { ContentApp.Item("lone-1"), ContentApp.Item("lone-2", "LONE"), ContentApp.Item("lone-3", "配对 😀") } })
            .Replace("LONE", "\\ud800 孤立的半个代理对");
        var response = await app.Platform().PostAsync("/api/v1/content", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(["Created", "Invalid", "Created"], Enumerable.Range(0, 3).Select(i => Outcome(body, i)));
        Assert.True(Result(body, 1).GetProperty("errors").TryGetProperty("items[1].excerpt", out _));
        await using var db = await app.DbAsync();
        Assert.Equal(2, await db.ContentItems.CountAsync(c => c.ExternalId.StartsWith("lone-"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Keys_and_scopes_are_checked_and_every_error_is_problem_details()
    {
        object[] one = [ContentApp.Item("scoped")];
        var anonymous = app.App.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/content", new { items = one })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/content/scoped")).StatusCode);

        var reader = await app.Platform(app.ReadOnlyKey).PostAsJsonAsync("/api/v1/content", new { items = one });
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal("application/problem+json", reader.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Platform(app.ReadOnlyKey).PostAsJsonAsync("/api/v1/flags", new { items = one })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Platform(app.SubmitOnlyKey).GetAsync("/api/v1/content/scoped")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Platform(app.SubmitOnlyKey).PostAsJsonAsync("/api/v1/content", new { items = one })).StatusCode);

        var client = app.Platform();
        var malformed = await client.PostAsync("/api/v1/content", new StringContent("{\"items\": [", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("$", out _));
        var wrongType = await client.PostAsync("/api/v1/content",
            new StringContent("{\"items\": [{\"externalId\": \"t\", \"declaredAiGenerated\": \"yes\"}]}", Encoding.UTF8, "application/json"));
        Assert.Equal("Must be true or false.",
            (await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("items[0].declaredAiGenerated")[0].GetString());
        var text = await client.PostAsync("/api/v1/flags", new StringContent("items", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
        var empty = await client.PostAsJsonAsync("/api/v1/content", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var tooMany = await client.PostAsJsonAsync("/api/v1/flags", new { items = Enumerable.Range(0, 1_001).Select(_ => new { }).ToArray() });
        Assert.True((await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("items", out _));
    }

    [Theory]
    [InlineData("en", "items[1].publishedAtUtc", "\"publishedAtUtc\" is not a field of this call")]
    [InlineData("zh-CN", "items[1].implicitLabel.contentProduser", "“contentProduser”不是此接口的字段")]
    public async Task A_field_the_call_does_not_have_is_refused_by_name_and_nothing_is_stored(string language, string field, string said)
    {
        var misspelt = ContentApp.Item("misspelt-" + language);
        misspelt["publishedAtUtc"] = "2026-11-20T09:00:00+08:00"; // the field is publishedAt: read as absent, the time would be lost
        if (field.EndsWith("contentProduser", StringComparison.Ordinal))
        {
            misspelt.Remove("publishedAtUtc");
            misspelt["implicitLabel"] = new { label = "1", contentProduser = "001191101080000000000000000000001", produceId = "p-1" };
        }
        var client = app.Platform();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var answer = await client.PostAsJsonAsync("/api/v1/content", new { items = new object[] { ContentApp.Item("beside-" + language), misspelt } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.StartsWith(said, errors.GetProperty(field)[0].GetString());
        await using var db = await app.DbAsync();
        Assert.False(await db.ContentItems.AnyAsync(c => c.ExternalId == "beside-" + language || c.ExternalId == "misspelt-" + language));
    }

    [Fact]
    public async Task The_aigc_label_is_read_from_a_number_or_a_string_and_must_agree_with_its_status()
    {
        var numeric = ContentApp.Item("aigc-number");
        numeric["implicitLabel"] = new { Label = 2, ContentProducer = "producer", ProduceID = "id-1" };
        var absent = ContentApp.Item("aigc-absent");
        absent["implicitLabel"] = null;
        var contradictory = ContentApp.Item("aigc-contradictory");
        contradictory["implicitLabelStatus"] = "Missing";
        var badLabel = ContentApp.Item("aigc-bad");
        badLabel["implicitLabel"] = new { label = 7 };

        var body = await app.PostAsync("/api/v1/content", numeric, absent, contradictory, badLabel);

        Assert.Equal(["Created", "Created", "Invalid", "Invalid"], Enumerable.Range(0, 4).Select(i => Outcome(body, i)));
        Assert.Equal(0, Result(body, 0).GetProperty("flagsAdded").GetInt32());
        Assert.Equal(1, Result(body, 1).GetProperty("flagsAdded").GetInt32()); // implicit label missing
        Assert.True(Result(body, 2).GetProperty("errors").TryGetProperty("items[2].implicitLabelStatus", out _));
        Assert.True(Result(body, 3).GetProperty("errors").TryGetProperty("items[3].implicitLabel.label", out _));
        await using var db = await app.DbAsync();
        var stored = await db.ContentItems.SingleAsync(c => c.ExternalId == "aigc-number");
        Assert.Equal((AigcLabel.PossiblyAiGenerated, "id-1", LabelStatus.Present), (stored.AigcLabel!.Value, stored.ProduceId, stored.ImplicitLabel));
    }

    private static (int, int, int, int) Counts(JsonElement body) => (body.GetProperty("created").GetInt32(), body.GetProperty("updated").GetInt32(),
        body.GetProperty("unchanged").GetInt32(), body.GetProperty("invalid").GetInt32());

    private async Task<ReviewCase> CaseAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Decides a case as a reviewer's decision would leave it: a decision row, the case Decided and pointing at it.</summary>
    private async Task<long> DecideAsync(long caseId)
    {
        await using var db = await app.DbAsync();
        var decision = new Decision { ReviewCaseId = caseId, Outcome = DecisionOutcome.LabelRequired, ReasonCode = "label_tampered", DecidedByName = "reviewer",
            DecidedAtUtc = DateTime.UtcNow };
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        await db.ReviewCases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ReviewCaseState.Decided)
            .SetProperty(c => c.DecisionId, decision.Id).SetProperty(c => c.DecidedAtUtc, decision.DecidedAtUtc));
        return decision.Id;
    }
}
