using System.Net.Http.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.Appeals;

/// <summary>The appeal figures for a period, on an app of their own so that no other test's appeals are counted.</summary>
public sealed class AppealStatisticsTests(ReviewDecisionApp app) : IClassFixture<ReviewDecisionApp>
{
    [Fact]
    public async Task A_period_counts_appeals_and_the_appeal_and_overturn_rates_by_the_appealed_decisions_reason()
    {
        var from = DateTime.UtcNow.AddMinutes(-1);
        var overturned = await DecidedAsync("st-1", DecisionOutcome.Removed, "rumour");
        await DecidedAsync("st-2", DecisionOutcome.Removed, "rumour");
        var upheld = await DecidedAsync("st-3", DecisionOutcome.LabelRequired, "label_missing");
        var open = await DecidedAsync("st-4", DecisionOutcome.LabelRequired, "label_missing");
        await DecidedAsync("st-5", DecisionOutcome.NoViolation, "false_positive");
        await AppealAndDecideAsync(overturned, "st-1", AppealOutcome.Overturned, "misjudged");
        await AppealAndDecideAsync(upheld, "st-3", AppealOutcome.Upheld, "violation_confirmed");
        await AppealAndDecideAsync(open, "st-4", null, null);

        await using var scope = app.App.As(ReviewDecisionApp.Manager);
        var statistics = await scope.Get<AppealStatistics>().ForPeriodAsync(from, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal((3, 2, 1, 1), (statistics.Received, statistics.Decided, statistics.Upheld, statistics.Overturned));
        // The dashboard's tile counts the same from the appeals alone.
        Assert.Equal(new AppealCounts(3, 2, 1), await scope.Get<AppealStatistics>().CountsAsync(from, DateTime.UtcNow.AddMinutes(1)));
        Assert.Equal(
            [new AppealReasonRates("label_missing", 2, 2, 1, 0), new AppealReasonRates("rumour", 2, 1, 1, 1)],
            statistics.ByReason);
        Assert.Equal((1.0, 0.0), (statistics.ByReason[0].AppealRate, statistics.ByReason[0].OverturnRate));
        Assert.Equal((0.5, 1.0), (statistics.ByReason[1].AppealRate, statistics.ByReason[1].OverturnRate));

        // The same figures, one row per reason, are what the appeal-rates export writes.
        var export = scope.Get<IEnumerable<IExportSource>>().Single(source => source.Kind == ExportKind.AppealRates);
        var rows = await export.ReadAsync(new ExportRequest(ExportKind.AppealRates, from, DateTime.UtcNow.AddMinutes(1), new Dictionary<string, string>(), Unmasked: false),
            CancellationToken.None).ToListAsync();
        Assert.Equal(["label_missing", "rumour"], rows.Select(r => (string)r[0]!));
        Assert.Equal([2, 1, 0.5m, 1, 1, 1.0m], rows[1][2..].Select(Convert.ToDecimal));

        var before = await scope.Get<AppealStatistics>().ForPeriodAsync(from.AddDays(-2), from);
        Assert.Equal((0, 0, 0, 0), (before.Received, before.Decided, before.Upheld, before.Overturned));
        Assert.Empty(before.ByReason);
    }

    private async Task<long> DecidedAsync(string content, DecisionOutcome outcome, string reason)
    {
        var caseId = await app.CreateCaseAsync(content, "author-" + content);
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.Reviewer, caseId)).Succeeded);
        Assert.Equal(ResultOutcome.Succeeded, (await app.DecideAsync(ReviewDecisionApp.Reviewer, caseId, new ReviewDecisionRequest(outcome, reason, null))).Outcome);
        return caseId;
    }

    private async Task AppealAndDecideAsync(long caseId, string content, AppealOutcome? outcome, string? reason)
    {
        using var platform = app.Platform();
        var response = await platform.PostAsJsonAsync("/api/v1/appeals", AppealTests.Appeal("st-appeal-" + content, "author-" + content, content: content));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        if (outcome is not { } decided) return;
        Assert.True((await app.ClaimAsync(ReviewDecisionApp.SecondReviewer, caseId)).Succeeded);
        await using var scope = app.App.As(ReviewDecisionApp.SecondReviewer);
        var appealId = (await scope.Get<ReviewCaseQueryService>().GetAsync(caseId))!.OpenAppeal!.Id;
        var version = (await scope.Get<ReviewCaseQueryService>().VersionAsync(caseId))!.Value;
        var saved = await scope.Get<AppealDecisionService>().DecideAsync(appealId, version, new AppealDecisionRequest(decided, reason, "复核结论"));
        Assert.Equal(ResultOutcome.Succeeded, saved.Outcome);
    }
}
