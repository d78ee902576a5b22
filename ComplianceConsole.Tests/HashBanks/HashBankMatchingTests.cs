using System.Net.Http.Json;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ComplianceConsole.Tests.HashBanks;

/// <summary>Items the platform sends with PDQ hashes, matched against the banks as they are at that moment.</summary>
public sealed class HashBankMatchingTests(HashBankApp app) : IClassFixture<HashBankApp>
{
    private static readonly PdqHasher Hasher = new();

    [Fact]
    public async Task A_refuted_image_caught_by_its_decision_flags_a_re_encoded_copy_naming_the_bank_the_distance_and_the_refutation()
    {
        var bank = await app.BankAsync("谣言图片");
        using var original = SKBitmap.Decode(PdqSamples.PathOf("square-512x512.jpg"));
        var originalHash = Hasher.Hash(new MemoryStream(Encoded(original, 95))).Hash;
        using var smaller = original.Resize(new SKImageInfo(300, 300), new SKSamplingOptions(SKFilterMode.Linear));
        var copyHash = Hasher.Hash(new MemoryStream(Encoded(smaller, 40))).Hash; // re-encoded at quality 40 and resized, as re-uploads are
        var itemId = (await app.PostItemAsync("bank-original", originalHash)).GetProperty("id").GetInt64();
        var flagged = await app.Platform().PostAsJsonAsync("/api/v1/flags",
            new { items = new[] { new { contentExternalId = "bank-original", source = "UserComplaint", reason = "这张图是假的" } } }, TestContext.Current.CancellationToken);
        var caseId = (await flagged.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("results")[0].GetProperty("caseId").GetInt64();

        await using (var reviewer = app.App.As(HashBankApp.Reviewer))
        {
            Assert.True((await reviewer.Get<ReviewClaims>().ClaimAsync(caseId)).Succeeded);
            var detail = (await reviewer.Get<ReviewCaseQueryService>().GetAsync(caseId, TestContext.Current.CancellationToken))!;
            Assert.Contains(detail.Hashes.Banks, b => b.Id == bank.Id);
            var decided = await reviewer.Get<ReviewDecisionService>().DecideAsync(caseId, detail.Case.Version,
                new ReviewDecisionRequest(DecisionOutcome.RumourRefuted, "rumour", null)
                {
                    Refutation = new RumourRefutationRequest("某地发生爆炸", "经核实，图片系 AI 生成", "https://weibo.example.cn/p/9", DateTime.UtcNow.AddMinutes(-5)),
                    CatchCopiesBankId = bank.Id,
                }, TestContext.Current.CancellationToken);
            Assert.True(decided.Succeeded, string.Join(", ", decided.Errors.Select(e => e.MessageKey)));
        }

        var copy = await app.PostItemAsync("bank-copy", copyHash);

        Assert.Equal(1, copy.GetProperty("flagsAdded").GetInt32());
        var flag = await app.BankFlagAsync(copy.GetProperty("id").GetInt64());
        Assert.NotNull(flag);
        Assert.Equal((FlagSource.FeatureLibrary, "rumour", "谣言图片", bank.Id, caseId), (flag.Source, flag.ReasonCode, flag.MatchedText, flag.HashBankId, flag.LinkedReviewCaseId));
        Assert.Equal(originalHash.Distance(copyHash), flag.MatchDistance);
        Assert.InRange(flag.MatchDistance!.Value, 1, HashBank.DefaultMatchDistance);
        await using var manager = app.App.As(HashBankApp.Manager);
        var copyCase = (await manager.Get<ReviewCaseQueryService>().GetAsync(copy.GetProperty("caseId").GetInt64(), TestContext.Current.CancellationToken))!;
        var shown = Assert.Single(copyCase.Flags, f => f.MatchDistance is not null);
        Assert.Equal(caseId, shown.LinkedCaseId);
        var refuted = (await manager.Get<ReviewCaseQueryService>().GetAsync(caseId, TestContext.Current.CancellationToken))!;
        Assert.Equal(["谣言图片"], refuted.Hashes.InBanks);
        Assert.Contains(refuted.History, e => e.Kind == ReviewCaseEventKind.AddedToHashBank && e.Detail == "谣言图片");
        Assert.Equal(itemId, (await app.DbAsync()).ContentPerceptualHashes.Where(h => h.Hash == originalHash.ToString()).Select(h => h.ContentItemId).First());
    }

    [Fact]
    public async Task An_unrelated_image_and_a_hash_beyond_the_bank_distance_are_not_flagged()
    {
        var hashes = new RandomHashes(7);
        var banked = hashes.Next();
        var bank = await app.BankAsync("距离 10", distance: 10);
        await app.AddAsync(bank.Id, banked);

        var near = await app.PostItemAsync("distance-near", hashes.Within(banked, 10));
        var far = await app.PostItemAsync("distance-far", hashes.Within(banked, 11));
        var unrelated = await app.PostItemAsync("distance-unrelated", hashes.Next());

        Assert.Equal(10, (await app.BankFlagAsync(near.GetProperty("id").GetInt64()))?.MatchDistance);
        Assert.Null(await app.BankFlagAsync(far.GetProperty("id").GetInt64()));
        Assert.Null(await app.BankFlagAsync(unrelated.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_known_false_positive_in_an_allow_bank_keeps_its_copies_unflagged_while_others_near_the_block_bank_are_flagged()
    {
        var hashes = new RandomHashes(11);
        var banked = hashes.Next();
        var harmless = hashes.Within(banked, 20);
        await app.AddAsync((await app.BankAsync("拦截 allow-test")).Id, banked);
        await app.AddAsync((await app.BankAsync("误报 allow-test", HashBankKind.Allow, distance: 4)).Id, harmless);

        var allowed = await app.PostItemAsync("allow-harmless", hashes.Within(harmless, 3));
        var blocked = await app.PostItemAsync("allow-other", hashes.Within(banked, 5));

        Assert.Null(await app.BankFlagAsync(allowed.GetProperty("id").GetInt64()));
        Assert.NotNull(await app.BankFlagAsync(blocked.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_hash_removed_while_another_bank_shows_a_later_change_time_no_longer_matches()
    {
        var hashes = new RandomHashes(31);
        var removed = hashes.Next();
        var ahead = await app.BankAsync("时钟超前的实例改过");
        var bank = await app.BankAsync("删除后不再匹配");
        var added = await app.AddAsync(bank.Id, removed);
        // Another instance, whose clock runs ahead, changed a bank: its change time is later than any this instance stamps.
        await using (var db = await app.DbAsync())
        {
            await db.HashBanks.Where(b => b.Id == ahead.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAtUtc, DateTime.UtcNow.AddHours(1)),
                TestContext.Current.CancellationToken);
        }
        var before = await app.PostItemAsync("skew-before", hashes.Within(removed, 2));
        await using (var manager = app.App.As(HashBankApp.Manager))
        {
            Assert.True((await manager.Get<HashBankService>().RemoveEntryAsync(bank.Id, added[0].EntryId!.Value, TestContext.Current.CancellationToken)).Succeeded);
        }

        var after = await app.PostItemAsync("skew-after", hashes.Within(removed, 2));

        Assert.NotNull(await app.BankFlagAsync(before.GetProperty("id").GetInt64()));
        Assert.Null(await app.BankFlagAsync(after.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Editing_disabling_and_enabling_a_bank_and_removing_a_hash_change_the_loaded_hashes_without_loading_every_bank_again()
    {
        var hashes = new RandomHashes(47);
        var (kept, removed, other) = (hashes.Next(), hashes.Next(), hashes.Next());
        var bank = await app.BankAsync("增量更新");
        var added = await app.AddAsync(bank.Id, kept, removed);
        var otherBank = await app.BankAsync("增量更新旁库");
        await app.AddAsync(otherBank.Id, other);
        var library = app.App.Services.GetRequiredService<HashBankLibrary>();
        var before = await library.CurrentAsync(TestContext.Current.CancellationToken);

        await using (var manager = app.App.As(HashBankApp.Manager))
        {
            var banks = manager.Get<HashBankService>();
            Assert.True((await banks.RemoveEntryAsync(bank.Id, added[1].EntryId!.Value, TestContext.Current.CancellationToken)).Succeeded);
            var edited = (await banks.GetBankAsync(bank.Id, TestContext.Current.CancellationToken))!;
            Assert.True((await banks.SaveBankAsync(new HashBankForm
            {
                Id = edited.Id, Version = edited.Version, Name = edited.Name, Kind = edited.Kind, ReasonCode = edited.ReasonCode, MatchDistance = 20,
            }, TestContext.Current.CancellationToken)).Succeeded);
        }
        await app.SetEnabledAsync(otherBank.Id, enabled: false);
        var whileOtherDisabled = await library.CurrentAsync(TestContext.Current.CancellationToken);
        await app.SetEnabledAsync(otherBank.Id, enabled: true);
        var after = await library.CurrentAsync(TestContext.Current.CancellationToken);

        Assert.Same(before.Index, after.Index);
        Assert.Equal(15, Assert.Single(whileOtherDisabled.Match(hashes.Within(kept, 15))).Distance);
        Assert.Empty(whileOtherDisabled.Match(hashes.Within(kept, 25)));
        Assert.Empty(whileOtherDisabled.Match(removed));
        Assert.Empty(whileOtherDisabled.Match(other));
        Assert.Equal(otherBank.Id, Assert.Single(after.Match(other)).BankId);
        Assert.Empty(after.Match(removed));
    }

    [Fact]
    public async Task A_disabled_bank_and_a_removed_hash_flag_nothing_and_an_enabled_bank_flags_the_next_copy()
    {
        var hashes = new RandomHashes(13);
        var (kept, removed) = (hashes.Next(), hashes.Next());
        var bank = await app.BankAsync("停用测试");
        var added = await app.AddAsync(bank.Id, kept, removed);
        await using (var manager = app.App.As(HashBankApp.Manager))
        {
            Assert.True((await manager.Get<HashBankService>().RemoveEntryAsync(bank.Id, added[1].EntryId!.Value, TestContext.Current.CancellationToken)).Succeeded);
        }
        await app.SetEnabledAsync(bank.Id, enabled: false);

        var whileDisabled = await app.PostItemAsync("disabled-kept", hashes.Within(kept, 2));
        await app.SetEnabledAsync(bank.Id, enabled: true);
        var afterEnabling = await app.PostItemAsync("enabled-kept", hashes.Within(kept, 2));
        var ofRemoved = await app.PostItemAsync("enabled-removed", hashes.Within(removed, 2));

        Assert.Null(await app.BankFlagAsync(whileDisabled.GetProperty("id").GetInt64()));
        Assert.NotNull(await app.BankFlagAsync(afterEnabling.GetProperty("id").GetInt64()));
        Assert.Null(await app.BankFlagAsync(ofRemoved.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task An_item_sent_again_with_other_hashes_is_a_change_and_is_matched_again_while_the_same_hashes_change_nothing()
    {
        var hashes = new RandomHashes(17);
        var (own, banked) = (hashes.Next(), hashes.Next());
        var first = await app.PostItemAsync("resent", own);
        await app.AddAsync((await app.BankAsync("重发测试")).Id, banked);
        var itemId = first.GetProperty("id").GetInt64();

        var same = await app.PostItemAsync("resent", own);
        Assert.Null(await app.BankFlagAsync(itemId));
        var replacement = hashes.Within(banked, 3);
        var changed = await app.PostItemAsync("resent", replacement);

        Assert.Equal(("Unchanged", "Updated"), (same.GetProperty("outcome").GetString(), changed.GetProperty("outcome").GetString()));
        Assert.Equal(3, (await app.BankFlagAsync(itemId))?.MatchDistance);
        await using var db = await app.DbAsync();
        var change = await db.ContentItemChanges.Where(c => c.ContentItemId == itemId).Select(c => c.ChangesJson).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("perceptualHashes", change);
        Assert.Equal(replacement.ToString(),
            await db.ContentPerceptualHashes.Where(h => h.ContentItemId == itemId).Select(h => h.Hash).SingleAsync(TestContext.Current.CancellationToken));
    }

    private static byte[] Encoded(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, quality).ToArray();
    }
}
