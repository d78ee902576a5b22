using System.Globalization;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// A Manager's pattern can no longer stall ingestion: patterns run on the linear-time engine, so the classic
/// catastrophic-backtracking patterns are saved and run through a long hostile text with the right answer, and a
/// pattern that engine cannot run, or too large to run quickly, is refused when it is saved, saying why.
/// </summary>
public sealed class PatternBombTests : SetUpAppTest
{
    private const string Manager = "manager@example.cn";

    protected override Task ArrangeAsync() => App.CreateStaffAsync(Manager, Roles.Manager);

    private async Task<Common.Result> SavePatternAsync(string pattern)
    {
        await using var scope = App.As(Manager);
        return await scope.Get<FeatureRuleService>().SaveAsync(new FeatureRuleForm { Kind = FeatureRuleKind.Pattern, Value = pattern, ReasonCode = "rumour" });
    }

    private async Task<IReadOnlyList<FeatureMatch>> MatchAsync(string text) =>
        (await App.Services.GetRequiredService<Features.Review.FeatureLibrary>().CurrentAsync()).Match(text, null).Matches;

    [Theory]
    [InlineData("(a+)+$", "", "a")]
    [InlineData("x(a+)+$", "x", "a")]
    [InlineData("b(a|aa)+$", "b", "a")]
    [InlineData("(x+x+)+y", "", "x")]
    public async Task A_backtracking_bomb_is_saved_and_answers_correctly_on_a_100000_character_hostile_text(string pattern, string prefix, string run)
    {
        Assert.True((await SavePatternAsync(pattern)).Succeeded);
        var hostile = prefix + string.Concat(Enumerable.Repeat(run, 100_000));

        Assert.Empty(await MatchAsync(hostile + "!")); // the text that makes a backtracking engine try every split
        var ending = pattern.EndsWith('y') ? hostile + "y" : hostile;
        Assert.Equal(ending.Length, Assert.Single(await MatchAsync(ending)).MatchedText.Length);
    }

    [Theory]
    [InlineData("(.*a){20}", "FeatureRule.PatternTooLarge", "不能超过 1000 个字符单元")]
    [InlineData(@"(\w+)\s\1", "FeatureRule.PatternUnsupported", "反向引用")]
    [InlineData("(?=.*deep)fake", "FeatureRule.PatternUnsupported", "前瞻或后顾")]
    public async Task A_pattern_that_cannot_run_in_linear_time_is_refused_at_save_with_the_reason(string pattern, string key, string shown)
    {
        var refused = await SavePatternAsync(pattern);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(key, error.MessageKey);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var localizer = App.Services.GetRequiredService<IStringLocalizer<global::ComplianceConsole.Localization.SharedResource>>();
        Assert.Contains(shown, localizer[error.MessageKey, error.Arguments].Value);
        Assert.Empty(await MatchAsync(new string('a', 100) + " deepfake"));
    }
}
