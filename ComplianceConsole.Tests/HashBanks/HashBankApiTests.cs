using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Tests.Review.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.HashBanks;

/// <summary>The platform filling a bank, and sending hashes with its items, as a careless client would too.</summary>
public sealed class HashBankApiTests(HashBankApp app) : IClassFixture<HashBankApp>
{
    [Fact]
    public async Task Hashes_sent_to_a_bank_are_each_added_once_and_bad_ones_are_named_with_their_reason()
    {
        var bank = await app.BankAsync("平台删除图片");
        var hashes = new RandomHashes(23);
        var (a, b) = (hashes.Next().ToString(), hashes.Next().ToString());
        object[] items = [new { hash = a, quality = 80 }, new { hash = "xyz" }, new { hash = b.ToUpperInvariant(), quality = 101 }, new { hash = b, note = "ref-2" }, new { hash = a }];

        var response = await app.Platform().PostAsJsonAsync($"/api/v1/hash-banks/{Uri.EscapeDataString(bank.Name)}/hashes", new { items }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((2, 1, 2), (body.GetProperty("added").GetInt32(), body.GetProperty("alreadyInBank").GetInt32(), body.GetProperty("invalid").GetInt32()));
        var results = body.GetProperty("results");
        Assert.Equal(["Added", "Invalid", "Invalid", "Added", "AlreadyInBank"], results.EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains("64 hexadecimal digits", results[1].GetProperty("errors").GetProperty("items[1].hash")[0].GetString());
        Assert.True(results[2].GetProperty("errors").TryGetProperty("items[2].quality", out _));
        Assert.Equal(results[0].GetProperty("id").GetInt64(), results[4].GetProperty("id").GetInt64());

        var again = await app.Platform().PostAsJsonAsync($"/api/v1/hash-banks/{Uri.EscapeDataString(bank.Name)}/hashes", new { items = new[] { new { hash = a } } },
            TestContext.Current.CancellationToken);
        Assert.Equal("AlreadyInBank", (await again.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("results")[0].GetProperty("outcome").GetString());
        await using var db = await app.DbAsync();
        Assert.Equal(2, await db.HashBankEntries.CountAsync(e => e.HashBankId == bank.Id, TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == Features.Audit.AuditActions.HashBankEntriesAdded && e.TargetId == bank.Id.ToString(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_careless_client_gets_a_specific_answer_never_a_server_error()
    {
        var bank = await app.BankAsync("粗心客户端");
        var path = $"/api/v1/hash-banks/{Uri.EscapeDataString(bank.Name)}/hashes";

        var unknown = await app.Platform().PostAsJsonAsync("/api/v1/hash-banks/nope/hashes", new { items = new[] { new { hash = "a" } } }, TestContext.Current.CancellationToken);
        var notJson = await app.Platform().PostAsync(path, new StringContent("hash,quality\n", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var wrongType = await app.Platform().PostAsync(path, new StringContent("""{"items":[{"hash":"ab","quality":"high"}]}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var empty = await app.Platform().PostAsJsonAsync(path, new { items = Array.Empty<object>() }, TestContext.Current.CancellationToken);
        var tooMany = await app.Platform().PostAsJsonAsync(path, new { items = Enumerable.Repeat(new { hash = "a" }, ContentRules.BatchSize + 1) }, TestContext.Current.CancellationToken);
        var nullItem = await app.Platform().PostAsync(path, new StringContent("""{"items":[null]}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'nope'", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { notJson.StatusCode, wrongType.StatusCode, empty.StatusCode, tooMany.StatusCode });
        Assert.Equal(HttpStatusCode.OK, nullItem.StatusCode);
        Assert.Equal("Invalid", (await nullItem.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("results")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_bank_is_only_named_as_the_platform_can_name_it_in_the_path_and_an_odd_but_allowed_name_is_reached()
    {
        await using var manager = app.App.As(HashBankApp.Manager);
        var banks = manager.Get<HashBankService>();
        HashBankForm Named(string name) => new() { Name = name, Kind = HashBankKind.Block, ReasonCode = "rumour" };

        var slash = await banks.SaveBankAsync(Named("谣言/图片"), TestContext.Current.CancellationToken);
        var dots = await banks.SaveBankAsync(Named(".."), TestContext.Current.CancellationToken);
        var odd = await app.BankAsync("100%真 a?b#c\\d+e");
        var response = await app.Platform().PostAsJsonAsync($"/api/v1/hash-banks/{Uri.EscapeDataString(odd.Name)}/hashes",
            new { items = new[] { new { hash = new RandomHashes(5).Next().ToString() } } }, TestContext.Current.CancellationToken);

        Assert.Equal("HashBank.NameNotInPath", Assert.Single(slash.Errors).MessageKey);
        Assert.Equal("HashBank.NameNotInPath", Assert.Single(dots.Errors).MessageKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_a_key_with_the_hash_bank_scope_may_fill_a_bank()
    {
        var bank = await app.BankAsync("权限测试");
        string contentOnly;
        await using (var admin = app.App.As(Infrastructure.TestApp.AdminEmail))
        {
            contentOnly = (await admin.Get<ApiKeyService>().CreateAsync("content-only", [ReviewPermissions.SubmitContent])).Value!;
        }

        var refused = await app.Platform(contentOnly).PostAsJsonAsync($"/api/v1/hash-banks/{Uri.EscapeDataString(bank.Name)}/hashes",
            new { items = new[] { new { hash = new RandomHashes(1).Next().ToString() } } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_item_with_a_malformed_or_excessive_list_of_hashes_is_named_and_the_others_in_the_batch_are_stored()
    {
        var good = ContentApp.Item("hashes-good");
        good["perceptualHashes"] = new[] { new { hash = new RandomHashes(3).Next().ToString(), quality = 70, frameAtMs = 1200 } };
        var badHex = ContentApp.Item("hashes-bad-hex");
        badHex["perceptualHashes"] = new object[] { new { hash = "zz" }, new { hash = new RandomHashes(4).Next().ToString(), frameAtMs = -1 } };
        var tooMany = ContentApp.Item("hashes-too-many");
        tooMany["perceptualHashes"] = Enumerable.Range(0, HashBankRules.MaxHashesPerItem + 1).Select(i => new { hash = new RandomHashes(i + 100).Next().ToString() }).ToArray();

        var response = await app.Platform().PostAsJsonAsync("/api/v1/content", new { items = new object[] { good, badHex, tooMany } }, TestContext.Current.CancellationToken);

        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("results");
        Assert.Equal(["Created", "Invalid", "Invalid"], results.EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        var errors = results[1].GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[1].perceptualHashes[0].hash", out _));
        Assert.True(errors.TryGetProperty("items[1].perceptualHashes[1].frameAtMs", out _));
        Assert.Contains("at most 32", results[2].GetProperty("errors").GetProperty("items[2].perceptualHashes")[0].GetString());
        await using var db = await app.DbAsync();
        var stored = await db.ContentPerceptualHashes.SingleAsync(h => h.ContentItemId == results[0].GetProperty("id").GetInt64(), TestContext.Current.CancellationToken);
        Assert.Equal((70, 1200, PerceptualHashOrigin.Platform), (stored.Quality, stored.FrameAtMs, stored.Origin));
    }

    [Fact]
    public async Task A_hash_sent_as_a_bare_string_instead_of_an_object_is_told_what_each_entry_should_look_like()
    {
        var item = ContentApp.Item("hashes-bare-string");
        item["perceptualHashes"] = new[] { "f8f8f0ce" };

        var response = await app.Platform().PostAsJsonAsync("/api/v1/content", new { items = new[] { item } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        var message = errors.GetProperty("items[0].perceptualHashes[0]")[0].GetString();
        Assert.Contains("array of objects", message);
        Assert.Contains("\"hash\"", message);
    }
}
