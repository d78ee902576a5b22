using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Verification;

public sealed class PlatformApiTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    private static object Item(string user, string method, string identifier, string name, string? submittedAt = null) =>
        new { externalUserId = user, method, identifier, realName = name, submittedAt };

    [Fact]
    public async Task Without_a_valid_key_the_api_answers_401_problem_details()
    {
        var none = await app.App.CreateBrowserlikeClient().GetAsync("/api/v1/users/u1/eligibility");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        var forged = await app.Platform("cc_AAAAAAAA_" + new string('b', 40)).GetAsync("/api/v1/users/u1/eligibility");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_batch_is_stored_once_however_often_it_is_sent()
    {
        var batch = new
        {
            items = new[]
            {
                Item("api-user-1", "ResidentIdCard", "110101199003071233", "李雷", "2026-11-20T09:00:00+08:00"),
                Item("api-user-2", "MobileNumber", "+86 138-0000-1111", "韩梅梅", "2026-11-20T09:05:00+08:00"),
            },
        };
        var first = await (await app.Platform().PostAsJsonAsync("/api/v1/verifications", batch)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, first.GetProperty("created").GetInt32());

        var again = await app.Platform().PostAsJsonAsync("/api/v1/verifications", batch);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("created").GetInt32());
        Assert.Equal(2, body.GetProperty("alreadySubmitted").GetInt32());
        Assert.Equal(first.GetProperty("results")[0].GetProperty("recordId").GetInt64(), body.GetProperty("results")[0].GetProperty("recordId").GetInt64());

        await using var db = await app.App.Services.ReadContextAsync();
        var submitted = await db.AuditEvents.Where(e => e.Action == AuditActions.VerificationSubmitted).ToListAsync();
        Assert.Contains(submitted, e => e.ActorName == "api:platform");
    }

    [Fact]
    public async Task The_same_submission_twice_in_one_batch_is_one_record_created_once_and_then_already_submitted()
    {
        var item = Item("api-twice", "MobileNumber", "13800004444", "赵六", "2026-11-21T10:00:00+08:00");
        var response = await app.Platform().PostAsJsonAsync("/api/v1/verifications", new { items = new[] { item, item } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((1, 1), (body.GetProperty("created").GetInt32(), body.GetProperty("alreadySubmitted").GetInt32()));
        var results = body.GetProperty("results");
        Assert.Equal(("Created", "AlreadySubmitted"), (results[0].GetProperty("outcome").GetString(), results[1].GetProperty("outcome").GetString()));
        Assert.Equal(results[0].GetProperty("recordId").GetInt64(), results[1].GetProperty("recordId").GetInt64());
        await using var db = await app.App.Services.ReadContextAsync();
        var user = await db.PlatformUsers().SingleAsync(u => u.ExternalId == "api-twice");
        Assert.Equal(1, await db.VerificationRecords.CountAsync(r => r.PlatformUserId == user.Id));
    }

    [Fact]
    public async Task A_user_named_twice_in_one_batch_keeps_the_later_name_and_each_record_its_own_id()
    {
        var response = await app.Platform().PostAsJsonAsync("/api/v1/verifications", new
        {
            items = new[]
            {
                new { externalUserId = "api-renamed", userDisplayName = "旧名", method = "MobileNumber", identifier = "13800002222", realName = "王五" },
                new { externalUserId = "api-renamed", userDisplayName = "新名", method = "ResidentIdCard", identifier = "110101199003071233", realName = "王五" },
            },
        });
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");

        await using var db = await app.App.Services.ReadContextAsync();
        var user = await db.PlatformUsers().SingleAsync(u => u.ExternalId == "api-renamed");
        Assert.Equal("新名", user.DisplayName);
        var methods = await db.VerificationRecords.Where(r => r.PlatformUserId == user.Id).ToDictionaryAsync(r => r.Id, r => r.Method);
        Assert.Equal(VerificationMethod.MobileNumber, methods[results[0].GetProperty("recordId").GetInt64()]);
        Assert.Equal(VerificationMethod.ResidentIdCard, methods[results[1].GetProperty("recordId").GetInt64()]);
    }

    [Fact]
    public async Task A_record_id_is_never_handed_out_again_after_the_newest_record_is_removed()
    {
        async Task<long> SubmitAsync(string user) => (await (await app.Platform().PostAsJsonAsync("/api/v1/verifications",
                new { items = new[] { Item(user, "MobileNumber", "13900003333", "赵六") } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("recordId").GetInt64();
        var removed = await SubmitAsync("api-purged");
        await using (var db = await app.App.Services.ReadContextAsync())
        {
            // As the retention purge removes a closed account's records: audit events that name the id must not come to mean another record.
            await db.VerificationHistory.Where(h => h.VerificationRecordId == removed).ExecuteDeleteAsync();
            await db.VerificationRecords.Where(r => r.Id == removed).ExecuteDeleteAsync();
        }

        Assert.True(await SubmitAsync("api-after-purge") > removed);
    }

    [Fact]
    public async Task Invalid_items_are_named_field_by_field_and_nothing_is_stored()
    {
        var response = await app.Platform().PostAsJsonAsync("/api/v1/verifications", new
        {
            items = new[]
            {
                Item("api-good", "ResidentIdCard", "11010519491231002X", "王五"),
                Item("api-bad", "ResidentIdCard", "110105194912310021", ""),
                Item("", "Passport", "E12345678", "Someone"),
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("校验位不正确", errors.GetProperty("items[1].identifier")[0].GetString());
        Assert.True(errors.TryGetProperty("items[1].realName", out _));
        Assert.True(errors.TryGetProperty("items[2].externalUserId", out _));
        Assert.False(errors.TryGetProperty("items[0].identifier", out _));

        var eligibility = await app.Platform().GetFromJsonAsync<JsonElement>("/api/v1/users/api-good/eligibility");
        Assert.Equal("UnknownUser", eligibility.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Unknown_method_and_user_kind_names_are_field_errors_not_crashes_or_silent_defaults()
    {
        var response = await app.Platform().PostAsJsonAsync("/api/v1/verifications", new
        {
            items = new[] { new { externalUserId = "kind-user", userKind = "Robot", method = "Passport", identifier = "E1", realName = "X" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[0].method", out _));
        var userKind = errors.GetProperty("items[0].userKind")[0].GetString()!;
        Assert.Contains("Individual, Organisation", userKind);
        Assert.DoesNotContain("个人", userKind);
    }

    [Fact]
    public async Task Every_user_kind_the_error_lists_is_accepted()
    {
        var response = await app.Platform().PostAsJsonAsync("/api/v1/verifications", new
        {
            items = Enum.GetNames<PlatformUserKind>().Select((kind, i) =>
                new { externalUserId = $"kind-{kind}", userKind = kind, method = "MobileNumber", identifier = $"1380000555{i}", realName = "张三" }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Eligibility_follows_the_record_through_its_life()
    {
        async Task<JsonElement> Ask() => await app.Platform().GetFromJsonAsync<JsonElement>("/api/v1/users/life-user/eligibility");

        Assert.Equal("UnknownUser", (await Ask()).GetProperty("reason").GetString());
        var id = await app.SubmitAsync("life-user", VerificationMethod.MobileNumber, "13912345678", "周杰");
        var pending = await Ask();
        Assert.False(pending.GetProperty("eligible").GetBoolean());
        Assert.Equal("Pending", pending.GetProperty("reason").GetString());

        Assert.True((await app.DecideAsync(VerificationApp.Verifier, id, VerificationAction.Verify)).Succeeded);
        var verified = await Ask();
        Assert.True(verified.GetProperty("eligible").GetBoolean());
        Assert.Equal("MobileNumber", verified.GetProperty("method").GetString());

        Assert.True((await app.DecideAsync(VerificationApp.Verifier, id, VerificationAction.Revoke, "user_request")).Succeeded);
        Assert.Equal("Revoked", (await Ask()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await app.App.CreateBrowserlikeClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/verifications", document);
        Assert.Contains("/api/v1/users/{externalId}/eligibility", document);
        Assert.DoesNotContain("/Account/Logout", document);
    }

    [Theory]
    [InlineData(typeof(PlatformUserKind))]
    [InlineData(typeof(VerificationMethod))]
    [InlineData(typeof(EligibilityReason))]
    [InlineData(typeof(SubmissionOutcome))]
    [InlineData(typeof(SanctionKind))]
    public async Task The_openapi_document_lists_every_enum_as_strings_with_what_each_value_means(Type enumType)
    {
        var schemas = (await app.App.CreateBrowserlikeClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");
        var submission = schemas.GetProperty("VerificationSubmissionDto");
        var schema = enumType == typeof(PlatformUserKind) ? submission.GetProperty("properties").GetProperty("userKind")
            : schemas.GetProperty(enumType.Name);

        Assert.Equal(Enum.GetNames(enumType), schema.GetProperty("enum").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()));
        Assert.Contains("string", schema.GetProperty("type").ToString());
        var description = schema.GetProperty("description").GetString()!;
        Assert.All(Enum.GetNames(enumType), name => Assert.Contains(name + ": ", description));
        if (enumType == typeof(VerificationMethod))
        {
            Assert.Equal(Enum.GetNames(enumType), submission.GetProperty("properties").GetProperty("method").GetProperty("enum")
                .EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()));
            Assert.Equal(["externalUserId", "identifier", "method", "realName"], submission.GetProperty("required").EnumerateArray().Select(v => v.GetString()).Order());
        }
    }
}
