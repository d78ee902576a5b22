using System.Text;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security.Files;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.HashBanks;

/// <summary>What a Manager keeping the banks, and a Reviewer catching copies, can and cannot do.</summary>
public sealed class HashBankServiceTests(HashBankApp app) : IClassFixture<HashBankApp>
{
    [Fact]
    public async Task A_bank_is_refused_with_a_reason_per_field_when_it_could_not_work_as_asked()
    {
        await using var manager = app.App.As(HashBankApp.Manager);
        var banks = manager.Get<HashBankService>();

        var noReason = await banks.SaveBankAsync(new HashBankForm { Name = "无原因", Kind = HashBankKind.Block }, TestContext.Current.CancellationToken);
        var tooWide = await banks.SaveBankAsync(new HashBankForm { Name = "太宽", Kind = HashBankKind.Block, ReasonCode = "rumour", MatchDistance = 65 }, TestContext.Current.CancellationToken);
        var notViolation = await banks.SaveBankAsync(new HashBankForm { Name = "合规原因", Kind = HashBankKind.Block, ReasonCode = "compliant" }, TestContext.Current.CancellationToken);
        await app.BankAsync("重名");
        var duplicate = await banks.SaveBankAsync(new HashBankForm { Name = " 重名 ", Kind = HashBankKind.Allow }, TestContext.Current.CancellationToken);
        var overriddenNote = await banks.SaveBankAsync(new HashBankForm { Name = "方向", Kind = HashBankKind.Allow, Note = "正常\u202E反向" }, TestContext.Current.CancellationToken);

        Assert.Equal("HashBank.ReasonRequired", Assert.Single(noReason.Errors).MessageKey);
        Assert.Equal("HashBank.DistanceRange", Assert.Single(tooWide.Errors).MessageKey);
        Assert.Equal("HashBank.ReasonRequired", Assert.Single(notViolation.Errors).MessageKey);
        Assert.Equal("HashBank.Duplicate", Assert.Single(duplicate.Errors).MessageKey);
        Assert.Equal("Validation.ForbiddenCharacters", Assert.Single(overriddenNote.Errors).MessageKey);
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_a_conflict_and_a_bank_keeps_its_kind()
    {
        var bank = await app.BankAsync("编辑测试");
        await using var manager = app.App.As(HashBankApp.Manager);
        var banks = manager.Get<HashBankService>();
        HashBankForm Form() => new() { Id = bank.Id, Name = bank.Name, Kind = bank.Kind, ReasonCode = bank.ReasonCode, MatchDistance = 20, Version = bank.Version };

        Assert.True((await banks.SaveBankAsync(Form(), TestContext.Current.CancellationToken)).Succeeded);
        var stale = await banks.SaveBankAsync(Form(), TestContext.Current.CancellationToken);
        var current = (await banks.GetBankAsync(bank.Id, TestContext.Current.CancellationToken))!;
        var kindChanged = await banks.SaveBankAsync(new HashBankForm { Id = bank.Id, Name = bank.Name, Kind = HashBankKind.Allow, Version = current.Version }, TestContext.Current.CancellationToken);

        Assert.Equal(Common.ResultOutcome.Conflict, stale.Outcome);
        Assert.Equal("HashBank.KindFixed", Assert.Single(kindChanged.Errors).MessageKey);
        Assert.Equal(20, current.MatchDistance);
    }

    [Fact]
    public async Task A_reviewer_cannot_keep_banks()
    {
        await using var reviewer = app.App.As(HashBankApp.Reviewer);

        await Assert.ThrowsAsync<global::ComplianceConsole.Security.PermissionDeniedException>(() => reviewer.Get<HashBankService>().GetBanksAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_of_hashes_is_read_by_its_header_names_in_any_order_and_each_bad_row_is_named()
    {
        var hashes = new RandomHashes(31);
        var (a, b) = (hashes.Next().ToString(), hashes.Next().ToString());
        var csv = $"备注,质量,哈希\n第一张,88,{a}\n,,not-a-hash\n重复,,{a}\n,high,{b}\n\n";

        var (rows, problem) = HashBankImport.Read(Encoding.UTF8.GetBytes(csv), "hashes.csv", new FileLimitsOptions());

        Assert.Null(problem);
        Assert.Equal([2, 3, 4, 5], rows.Select(r => r.RowNumber));
        Assert.Equal(new HashEntryInput(a, 88, "第一张"), rows[0].Input);
        var bank = await app.BankAsync("文件导入");
        await using var manager = app.App.As(HashBankApp.Manager);
        var results = await manager.Get<HashBankService>().AddEntriesAsync(bank.Id, rows.Select(r => r.Input).ToList(), HashBankEntryOrigin.Csv, TestContext.Current.CancellationToken);
        Assert.Equal([HashEntryOutcome.Added, HashEntryOutcome.Invalid, HashEntryOutcome.AlreadyInBank, HashEntryOutcome.Invalid], results.Select(r => r.Outcome));
        Assert.Equal("quality", Assert.Single(results[3].Errors).Field);
    }

    [Fact]
    public async Task A_note_written_over_several_lines_is_kept_as_written_while_a_direction_override_is_still_refused()
    {
        var hashes = new RandomHashes(43);
        var (a, b, c) = (hashes.Next().ToString(), hashes.Next().ToString(), hashes.Next().ToString());
        var csv = $"hash,note\n{a},\"第一行\r\n第二行\t附注\"\n{b},\"正常\u202E反向\"\n{c},末行\n";

        var (rows, _) = HashBankImport.Read(Encoding.UTF8.GetBytes(csv), "lines.csv", new FileLimitsOptions());
        var bank = await app.BankAsync("多行备注");
        await using var manager = app.App.As(HashBankApp.Manager);
        var service = manager.Get<HashBankService>();
        var results = await service.AddEntriesAsync(bank.Id, rows.Select(r => r.Input).ToList(), HashBankEntryOrigin.Csv, TestContext.Current.CancellationToken);

        Assert.Equal([2, 3, 4], rows.Select(r => r.RowNumber));
        Assert.Equal([HashEntryOutcome.Added, HashEntryOutcome.Invalid, HashEntryOutcome.Added], results.Select(r => r.Outcome));
        Assert.Equal("Validation.ForbiddenCharacters", Assert.Single(results[1].Errors).MessageKey);
        var stored = await service.GetEntriesAsync(bank.Id, null, 0, 50, TestContext.Current.CancellationToken);
        Assert.Contains(stored.Items, e => e.Hash == a && e.Note == "第一行\r\n第二行\t附注");
    }

    [Fact]
    public void A_quality_a_spreadsheet_wrote_as_a_whole_decimal_is_read_and_a_fraction_is_not()
    {
        var hashes = new RandomHashes(41);
        var (a, b, c) = (hashes.Next().ToString(), hashes.Next().ToString(), hashes.Next().ToString());

        var (rows, _) = HashBankImport.Read(Encoding.UTF8.GetBytes($"hash,quality\n{a},80.0\n{b}, 90 \n{c},80.5\n"), "decimals.csv", new FileLimitsOptions());

        Assert.Equal([80, 90, -1], rows.Select(r => r.Input.Quality));
    }

    [Fact]
    public async Task A_file_without_a_header_is_read_in_column_order_and_an_empty_or_broken_file_says_so()
    {
        var hash = new RandomHashes(37).Next().ToString();

        var (rows, _) = HashBankImport.Read(Encoding.UTF8.GetBytes($"{hash},75,note\n"), "plain.csv", new FileLimitsOptions());
        var (_, empty) = HashBankImport.Read(Encoding.UTF8.GetBytes("hash\n"), "empty.csv", new FileLimitsOptions());
        var (_, broken) = HashBankImport.Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "broken.xlsx", new FileLimitsOptions());

        Assert.Equal(new HashEntryInput(hash, 75, "note"), Assert.Single(rows).Input);
        Assert.Equal("HashBank.Import.Empty", empty);
        Assert.NotNull(broken);
    }

    [Fact]
    public async Task Catching_copies_is_refused_for_an_outcome_that_does_not_remove_for_an_item_without_hashes_and_for_a_disabled_bank()
    {
        var bank = await app.BankAsync("拒绝测试");
        var disabled = await app.BankAsync("已停用");
        await app.SetEnabledAsync(disabled.Id, enabled: false);
        var withoutHashes = await Review.ReviewDecisionApp.CreateCaseAsync(app.App.Services, "catch-no-hashes", "catch-author", MediaType.Image, null);
        await app.PostItemAsync("catch-hashed", new RandomHashes(41).Next());
        var hashed = await CaseOfAsync("catch-hashed");

        var noViolation = await DecideAsync(withoutHashes, new ReviewDecisionRequest(DecisionOutcome.NoViolation, "compliant", null) { CatchCopiesBankId = bank.Id });
        var noHashes = await DecideAsync(withoutHashes, new ReviewDecisionRequest(DecisionOutcome.Removed, "rumour", null) { CatchCopiesBankId = bank.Id });
        var offBank = await DecideAsync(hashed, new ReviewDecisionRequest(DecisionOutcome.Removed, "rumour", null) { CatchCopiesBankId = disabled.Id });

        Assert.Equal("Review.CatchCopies.OnlyRemovedOrRefuted", Assert.Single(noViolation.Errors).MessageKey);
        Assert.Equal("Review.CatchCopies.NoHashes", Assert.Single(noHashes.Errors).MessageKey);
        Assert.Equal("Review.CatchCopies.BankUnavailable", Assert.Single(offBank.Errors).MessageKey);
        await using var db = await app.DbAsync();
        Assert.False(await db.Decisions.AnyAsync(d => d.ReviewCaseId == hashed || d.ReviewCaseId == withoutHashes, TestContext.Current.CancellationToken));
    }

    private async Task<long> CaseOfAsync(string externalId)
    {
        var flagged = await app.Platform().PostAsync("/api/v1/flags", new StringContent(
            $$"""{"items":[{"contentExternalId":"{{externalId}}","source":"UserComplaint","reason":"盗图"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(flagged.Content, TestContext.Current.CancellationToken);
        return body.GetProperty("results")[0].GetProperty("caseId").GetInt64();
    }

    private async Task<Common.Result> DecideAsync(long caseId, ReviewDecisionRequest request)
    {
        await using var reviewer = app.App.As(HashBankApp.Reviewer);
        await reviewer.Get<ReviewClaims>().ClaimAsync(caseId);
        var version = await reviewer.Get<ReviewCaseQueryService>().VersionAsync(caseId, TestContext.Current.CancellationToken);
        return await reviewer.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, request, TestContext.Current.CancellationToken);
    }
}
