using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Verification;

namespace ComplianceConsole.Tests.Api;

/// <summary>Whatever a client sends, the API answers RFC 7807 problem details: never an HTML page, an empty body, a stack trace or a secret.</summary>
public sealed class ApiErrorTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    private const string Submit = "/api/v1/verifications";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_answered_413_whether_or_not_it_states_its_length()
    {
        var tooLong = "{\"items\":[" + new string(' ', 9 * 1024 * 1024) + "]}";
        var stated = await ProblemAsync(await app.Platform().PostAsync(Submit, Json(tooLong)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("8 MB", stated.GetProperty("detail").GetString());

        var streamed = await app.Platform().PostAsync(Submit, new UnknownLengthContent(Encoding.UTF8.GetBytes(tooLong)));
        await ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_largest_valid_batch_fits_under_the_limit_even_with_every_character_escaped()
    {
        var items = Enumerable.Range(0, 1_000).Select(i => new
        {
            externalUserId = $"max-{i}".PadRight(64, '+'),
            userDisplayName = new string('昵', 100),
            method = "NationalOnlineIdentity",
            identifier = $"T{i}".PadRight(512, '+'),
            realName = new string('名', 100),
            submittedAt = "2026-11-20T09:00:00+08:00",
        }).ToArray();
        var json = JsonSerializer.Serialize(new { items }); // escapes Chinese and '+' as \uXXXX
        Assert.True(json.Length > 4_000_000, $"the batch is {json.Length:N0} bytes");

        var response = await app.Platform().PostAsync(Submit, Json(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1_000, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Malformed_json_names_the_field_and_shows_neither_a_stack_trace_nor_the_key(string environment)
    {
        using var testApp = new TestApp(new Dictionary<string, string> { ["environment"] = environment });
        await testApp.CompleteSetupAsync();
        string key;
        await using (var admin = testApp.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
        }
        var client = testApp.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);

        var badTime = await client.PostAsync(Submit, Json("""
            {"items":[{"externalUserId":"u1","method":"MobileNumber","identifier":"13800001111","realName":"李雷"},
                      {"externalUserId":"u2","method":"MobileNumber","identifier":"13800002222","realName":"韩梅梅","submittedAt":"yesterday"}]}
            """));
        var text = await badTime.Content.ReadAsStringAsync();
        var problem = await ProblemAsync(badTime, HttpStatusCode.BadRequest);
        Assert.Contains("ISO 8601", problem.GetProperty("errors").GetProperty("items[1].submittedAt")[0].GetString());
        Assert.DoesNotContain(key, text);
        Assert.DoesNotContain(ApiKeyAuthenticationHandler.HeaderName, text);
        Assert.DoesNotContain("   at ", text);

        var notAString = await ProblemAsync(await client.PostAsync(Submit, Json("""{"items":[{"externalUserId":42}]}""")), HttpStatusCode.BadRequest);
        Assert.True(notAString.GetProperty("errors").TryGetProperty("items[0].externalUserId", out _));

        var broken = await ProblemAsync(await client.PostAsync(Submit, Json("""{"items":[{"externalUserId":"u1",""")), HttpStatusCode.BadRequest);
        Assert.True(broken.GetProperty("errors").TryGetProperty("$", out _));

        var notJson = await client.PostAsync(Submit, new StringContent("items=1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await ProblemAsync(notJson, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"items\"")]
    [InlineData("42")]
    public async Task Valid_json_of_another_kind_than_an_object_is_called_that_not_broken(string body)
    {
        var english = app.Platform();
        english.DefaultRequestHeaders.Add("Accept-Language", "en");

        var problem = await ProblemAsync(await english.PostAsync(Submit, Json(body)), HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("$")[0].GetString();
        Assert.Contains("must be a JSON object", message);
        Assert.DoesNotContain("not valid JSON", message);
    }

    [Theory]
    [InlineData("/api/v1/verifications")]
    [InlineData("/api/v1/content")]
    [InlineData("/api/v1/flags")]
    [InlineData("/api/v1/consents")]
    [InlineData("/api/v1/appeals")]
    [InlineData("/api/v1/users/u1/closure")]
    [InlineData("/api/v1/hash-banks/no-such-bank/hashes")]
    public async Task A_body_that_is_not_json_is_refused_only_after_the_key_and_says_what_to_send(string path)
    {
        StringContent Text() => new("items=1", Encoding.UTF8, "text/plain");

        // Without a key nothing is told about the endpoint but that a key is needed.
        await ProblemAsync(await app.App.CreateBrowserlikeClient().PostAsync(path, Text()), HttpStatusCode.Unauthorized);

        var english = app.Platform();
        english.DefaultRequestHeaders.Add("Accept-Language", "en");
        var refused = await ProblemAsync(await english.PostAsync(path, Text()), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Send the request body as JSON (Content-Type: application/json).", refused.GetProperty("detail").GetString());
        var chinese = await ProblemAsync(await app.Platform().PostAsync(path, Text()), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("请求正文须为 JSON（Content-Type: application/json）。", chinese.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_api_paths_and_methods_are_problem_details_not_the_html_not_found_page()
    {
        await ProblemAsync(await app.Platform().GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        await ProblemAsync(await app.App.CreateBrowserlikeClient().GetAsync("/api/v2/users/u1/eligibility"), HttpStatusCode.NotFound);
        await ProblemAsync(await app.Platform().PostAsync("/api/v1/users/u1/eligibility", Json("{}")), HttpStatusCode.MethodNotAllowed);

        var page = await app.App.CreateBrowserlikeClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, "必填。")]
    [InlineData("zh-CN", "必填。")]
    [InlineData("en-GB,en;q=0.9", "Required.")]
    [InlineData("en", "Required.")]
    [InlineData("fr-FR", "必填。")]
    public async Task Validation_messages_follow_accept_language(string? acceptLanguage, string expected)
    {
        var client = app.Platform();
        if (acceptLanguage is not null) client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        var response = await client.PostAsJsonAsync(Submit, new { items = new[] { new { externalUserId = "lang-user", method = "MobileNumber", identifier = "13800003333" } } });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(expected, problem.GetProperty("errors").GetProperty("items[0].realName")[0].GetString());
    }

    [Fact]
    public async Task Authentication_problems_follow_accept_language_too()
    {
        var chinese = await ProblemAsync(await app.App.CreateBrowserlikeClient().GetAsync("/api/v1/users/u1/eligibility"), HttpStatusCode.Unauthorized);
        Assert.Contains("API 密钥", chinese.GetProperty("detail").GetString());

        var client = app.App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        var english = await ProblemAsync(await client.GetAsync("/api/v1/users/u1/eligibility"), HttpStatusCode.Unauthorized);
        Assert.Equal("An API key is required: send it in the X-Api-Key header, or as Authorization: Bearer.", english.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null, "An API key is required", "Bearer realm=\"ComplianceConsole API\"")]
    [InlineData("my-api-key", "The API key is malformed", "Bearer realm=\"ComplianceConsole API\", error=\"invalid_token\"")]
    [InlineData("cc_ZZZZZZZZ_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "The API key is unknown or has been revoked", "Bearer realm=\"ComplianceConsole API\", error=\"invalid_token\"")]
    public async Task A_key_sent_but_refused_is_told_apart_from_none_and_every_401_names_the_scheme_to_use(string? key, string detail, string challenge)
    {
        var client = app.App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        if (key is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        var response = await client.GetAsync("/api/v1/users/u1/eligibility");

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(challenge, string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString())));
    }

    /// <summary>A body sent without Content-Length, as a client streaming it would.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] bytes;

        public UnknownLengthContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
