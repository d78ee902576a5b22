using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.FeatureLibrary;

public sealed class FeatureLibraryManagementTests : SetUpAppTest
{
    private const string Manager = "manager@example.cn";
    private const string SecondManager = "manager2@example.cn";
    private const string Reviewer = "reviewer@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(SecondManager, Roles.Manager);
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
    }

    private async Task<Result> SaveAsync(FeatureRuleForm form, string who = Manager)
    {
        await using var scope = App.As(who);
        return await scope.Get<FeatureRuleService>().SaveAsync(form);
    }

    private async Task<FeatureRuleRow> RowAsync(string search)
    {
        await using var scope = App.As(Manager);
        return Assert.Single((await scope.Get<FeatureRuleService>().GetPageAsync(new FeatureRuleFilter(Search: search), 0, 25)).Items);
    }

    private async Task<FeatureMatchResult> MatchAsync(string text, string? hash = null) =>
        (await App.Services.GetRequiredService<ComplianceConsole.Features.Review.FeatureLibrary>().CurrentAsync()).Match(text, hash);

    private static FeatureRuleForm Keyword(string value, string reason = "fraud_impersonation") => new() { Kind = FeatureRuleKind.Keyword, Value = value, ReasonCode = reason };

    private async Task<List<AuditEvent>> AuditAsync(string action)
    {
        await using var db = await App.Services.ReadContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task A_rule_is_added_edited_disabled_and_enabled_each_step_audited_and_applied_to_the_next_item_at_once()
    {
        Assert.Empty((await MatchAsync("教你一键换脸")).Matches);

        Assert.True((await SaveAsync(Keyword("一键换脸"))).Succeeded);
        var added = await RowAsync("一键换脸");
        Assert.Equal(TestApp.ShownName(Manager), added.UpdatedByName);
        var match = Assert.Single((await MatchAsync("教你一键换脸")).Matches);
        Assert.Equal((added.Id, "fraud_impersonation", 2), (match.RuleId, match.ReasonCode, match.Index));

        await using (var scope = App.As(Manager))
        {
            var form = (await scope.Get<FeatureRuleService>().GetFormAsync(added.Id))!;
            form.ReasonCode = "no_biometric_consent";
            Assert.True((await scope.Get<FeatureRuleService>().SaveAsync(form)).Succeeded);
        }
        Assert.Equal("no_biometric_consent", Assert.Single((await MatchAsync("教你一键换脸")).Matches).ReasonCode);

        var edited = await RowAsync("一键换脸");
        Assert.True(edited.UpdatedAtUtc > added.UpdatedAtUtc);
        await using (var scope = App.As(Manager))
        {
            Assert.True((await scope.Get<FeatureRuleService>().SetEnabledAsync(edited.Id, edited.Version, false)).Succeeded);
        }
        Assert.Empty((await MatchAsync("教你一键换脸")).Matches);
        var disabled = await RowAsync("一键换脸");
        Assert.False(disabled.Enabled);
        await using (var scope = App.As(Manager))
        {
            Assert.True((await scope.Get<FeatureRuleService>().SetEnabledAsync(disabled.Id, disabled.Version, true)).Succeeded);
        }
        Assert.Single((await MatchAsync("教你一键换脸")).Matches);

        var audit = await AuditAsync(AuditActions.FeatureRuleSaved);
        Assert.Equal(4, audit.Count);
        Assert.All(audit, e => Assert.Equal(("FeatureRule", added.Id.ToString()), (e.TargetType, e.TargetId)));
        Assert.Contains("\"before\":null", audit[0].Details);
        Assert.Contains("no_biometric_consent", audit[1].Details);
        Assert.Contains("\"Enabled\":false", audit[2].Details);
    }

    [Fact]
    public async Task Two_managers_editing_one_rule_the_second_gets_a_conflict_not_a_silent_overwrite()
    {
        Assert.True((await SaveAsync(Keyword("深度伪造"))).Succeeded);
        var id = (await RowAsync("深度伪造")).Id;
        await using var first = App.As(Manager);
        await using var second = App.As(SecondManager);
        var firstForm = (await first.Get<FeatureRuleService>().GetFormAsync(id))!;
        var secondForm = (await second.Get<FeatureRuleService>().GetFormAsync(id))!;
        firstForm.Note = "甲";
        secondForm.Note = "乙";
        Assert.True((await first.Get<FeatureRuleService>().SaveAsync(firstForm)).Succeeded);
        Assert.Equal(ResultOutcome.Conflict, (await second.Get<FeatureRuleService>().SaveAsync(secondForm)).Outcome);
        Assert.Equal(ResultOutcome.Conflict, (await second.Get<FeatureRuleService>().SetEnabledAsync(id, secondForm.Version, false)).Outcome);
        var row = await RowAsync("深度伪造");
        Assert.Equal(("甲", true), (row.Note, row.Enabled));
    }

    [Fact]
    public async Task A_keyword_differing_only_in_width_or_case_is_a_duplicate_and_bad_values_are_named()
    {
        Assert.True((await SaveAsync(Keyword("deepfake"))).Succeeded);
        var duplicate = await SaveAsync(Keyword("ＤｅｅｐＦａｋｅ"));
        Assert.Equal(("Value", "FeatureRule.Duplicate"), (Assert.Single(duplicate.Errors).Field, duplicate.Errors[0].MessageKey));
        // The same text as a pattern is another rule.
        Assert.True((await SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.Pattern, Value = "deepfake", ReasonCode = "rumour" })).Succeeded);

        var unsupported = await SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.Pattern, Value = @"(a)\1", ReasonCode = "rumour" });
        Assert.Equal("FeatureRule.PatternUnsupported", Assert.Single(unsupported.Errors).MessageKey);
        var hash = await SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.ContentHash, Value = "abc", ReasonCode = "" });
        Assert.Equal(["FeatureRule.BadHash", "FeatureRule.UnknownReason"], hash.Errors.Select(e => e.MessageKey));
        Assert.Equal(2, (await AuditAsync(AuditActions.FeatureRuleSaved)).Count);
    }

    [Fact]
    public async Task The_list_filters_by_kind_state_and_text_and_pages_on_the_server()
    {
        for (var i = 0; i < 30; i++) Assert.True((await SaveAsync(Keyword($"词{i:00}"))).Succeeded);
        Assert.True((await SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.Pattern, Value = @"词\d+号", ReasonCode = "rumour" })).Succeeded);
        await using var scope = App.As(Manager);
        var rules = scope.Get<FeatureRuleService>();
        var page2 = await rules.GetPageAsync(new FeatureRuleFilter(Kind: FeatureRuleKind.Keyword), 1, 25);
        Assert.Equal((30, 5), (page2.TotalCount, page2.Items.Count));
        Assert.Equal(["词04", "词03", "词02", "词01", "词00"], page2.Items.Select(r => r.Value)); // newest change first
        Assert.Equal([@"词\d+号"], (await rules.GetPageAsync(new FeatureRuleFilter(Kind: FeatureRuleKind.Pattern), 0, 25)).Items.Select(r => r.Value));
        Assert.Equal(10, (await rules.GetPageAsync(new FeatureRuleFilter(Search: "词1"), 0, 25)).TotalCount);
        var first = (await rules.GetPageAsync(new FeatureRuleFilter(Search: "词07"), 0, 25)).Items.Single();
        await rules.SetEnabledAsync(first.Id, first.Version, false);
        Assert.Equal("词07", Assert.Single((await rules.GetPageAsync(new FeatureRuleFilter(Enabled: false), 0, 25)).Items).Value);
    }

    [Fact]
    public async Task The_tester_shows_what_the_live_library_matches_and_where()
    {
        Assert.True((await SaveAsync(Keyword("换脸"))).Succeeded);
        Assert.True((await SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.Pattern, Value = @"1[3-9]\d{9}", ReasonCode = "fraud_impersonation" })).Succeeded);
        const string hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        Assert.True((await SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.ContentHash, Value = hash, ReasonCode = "pornography_violence" })).Succeeded);
        // A pattern kept from before patterns were checked, written straight into the table: it runs, in linear time, and matches nothing here.
        await using (var db = await App.Services.ReadContextAsync())
        {
            db.FeatureRules.Add(new FeatureRule { Kind = FeatureRuleKind.Pattern, Value = "(x+x+)+y", ReasonCode = "rumour", CreatedByName = "old", UpdatedByName = "old", UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var scope = App.As(Manager);
        var text = "联系13912345678学习换脸，" + new string('x', 3000);
        var tested = await scope.Get<FeatureLibraryTester>().TestAsync(text, hash.ToUpperInvariant());
        Assert.Empty(tested.Errors);
        var result = tested.Value!;
        Assert.False(result.ShowsNormalisedText);
        Assert.Equal([(FeatureRuleKind.ContentHash, hash, 0), (FeatureRuleKind.Pattern, "13912345678", 2), (FeatureRuleKind.Keyword, "换脸", 15)],
            result.Matches.Select(m => (m.Kind, m.MatchedText, m.Index)));

        var tooLong = await scope.Get<FeatureLibraryTester>().TestAsync(new string('字', FeatureLibraryTester.MaxTextLength + 1), "not-a-hash");
        Assert.Equal(["FeatureTest.TextTooLong", "FeatureRule.BadHash"], tooLong.Errors.Select(e => e.MessageKey));
    }

    [Fact]
    public async Task Full_width_text_is_matched_and_shown_where_it_matched()
    {
        Assert.True((await SaveAsync(Keyword("ai换脸"))).Succeeded);
        await using var scope = App.As(Manager);
        var result = (await scope.Get<FeatureLibraryTester>().TestAsync("教程：ＡＩ换脸", null)).Value!;
        var match = Assert.Single(result.Matches);
        Assert.Equal("ＡＩ换脸", result.ShownText.Substring(match.Index, match.Length));
    }

    [Fact]
    public async Task Only_a_manager_may_configure_the_library()
    {
        await using var scope = App.As(Reviewer);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<FeatureRuleService>().SaveAsync(Keyword("换脸")));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<FeatureRuleService>().GetPageAsync(new FeatureRuleFilter(), 0, 25));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<FeatureLibraryTester>().TestAsync("换脸", null));
    }
}
