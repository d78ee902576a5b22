using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Review;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser.FormSweep;

/// <summary>A reviewer and a queue of cases, each with a complaint to answer: one case per entry of the decision form's sweep.</summary>
public sealed class DecisionFormSweepApp : BrowserApp
{
    public const string Reviewer = "sweep.reviewer@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        var complaint = new TestFlag(FlagSource.UserComplaint, TimeSpan.FromDays(3), TimeSpan.FromDays(10), "13812345678");
        for (var i = 0; i < DecisionFormSweepTests.Entries.Count; i++)
        {
            await ReviewDecisionApp.CreateCaseAsync(App.Services, $"sweep-{i}", $"sweep-author-{i}", MediaType.Text, null, complaint);
        }
    }
}

/// <summary>
/// One way to fill the decision form: an outcome, the records it carries and a sanction with or without an end, every field typed as a
/// person types it (date-times into Chromium's own control), saved, reloaded and every value read back.
/// </summary>
public sealed record DecisionEntry(string Name, DecisionOutcome Outcome, string Reason, SanctionKind? Sanction = null, bool SanctionEnd = false,
    bool UntilLifted = false, bool Refutation = false, bool Report = false, bool Answer = false, bool TypeKeyByKey = false)
{
    public override string ToString() => Name;
}

public sealed class DecisionFormSweepTests(DecisionFormSweepApp browser) : IClassFixture<DecisionFormSweepApp>
{
    public static readonly IReadOnlyList<DecisionEntry> Entries =
    [
        new("no violation, complaint answered back-dated", DecisionOutcome.NoViolation, "false_positive", Answer: true),
        new("label required, warning", DecisionOutcome.LabelRequired, "rumour", SanctionKind.Warning),
        new("removed with every record, restriction for a week (typed key by key)", DecisionOutcome.Removed, "rumour", SanctionKind.FunctionRestriction,
            SanctionEnd: true, Refutation: true, Report: true, Answer: true, TypeKeyByKey: true),
        new("removed, restriction until lifted", DecisionOutcome.Removed, "rumour", SanctionKind.FunctionRestriction, UntilLifted: true),
        new("rumour refuted, suspension for a week", DecisionOutcome.RumourRefuted, "rumour", SanctionKind.Suspension, SanctionEnd: true, Refutation: true),
        new("reported to the regulator, account closed", DecisionOutcome.ReportedToRegulator, "rumour", SanctionKind.AccountClosure, Report: true, Answer: true),
        new("escalated", DecisionOutcome.Escalated, "rumour"),
    ];

    public static TheoryData<DecisionEntry> All => new(Entries);

    // Whole minutes in China time: a time typed a day ago (records happen before they are recorded) and one a week ahead.
    private static DateTime Minute(DateTime chinaTime) => new(chinaTime.Year, chinaTime.Month, chinaTime.Day, chinaTime.Hour, chinaTime.Minute, 0);
    private static readonly DateTime Past = Minute(ChinaTime.FromUtc(DateTime.UtcNow).AddDays(-1));
    private static readonly DateTime Earlier = Past.AddHours(-2).AddMinutes(-7);
    private static readonly DateTime Future = Minute(ChinaTime.FromUtc(DateTime.UtcNow).AddDays(7));

    private static async Task TypeDateTimeAsync(ILocator input, DateTime chinaTime, bool keyByKey)
    {
        var value = chinaTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        if (keyByKey)
        {
            // As a person does in Chromium's control, laid out by the browser's own language (Debian's chromium here: mm/dd/yyyy,
            // hh:mm AM/PM, whatever the page's language): month and day, the year (which may have six digits) then Tab, the hour on
            // the 12-hour clock, the minutes, then A or P. Each two-digit part moves on by itself.
            await input.ClickAsync(new() { Position = new() { X = 8, Y = 8 } });
            await input.PressSequentiallyAsync(chinaTime.ToString("MMddyyyy", CultureInfo.InvariantCulture));
            await input.PressAsync("Tab");
            await input.PressSequentiallyAsync(chinaTime.ToString("hhmm", CultureInfo.InvariantCulture) + (chinaTime.Hour < 12 ? "A" : "P"));
        }
        else
        {
            await input.FillAsync(value);
        }
        await Expect(input).ToHaveValueAsync(value);
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task The_decision_form_keeps_every_value_typed(DecisionEntry entry)
    {
        var page = await browser.NewPageAsync();
        try
        {
            await page.SignInAsync(DecisionFormSweepApp.Reviewer);
            await page.GotoAsync("review");
            await page.WaitForInteractiveAsync();
            await page.Keyboard.PressAsync("n"); // start reviewing: takes the next case
            await Expect(page).ToHaveURLAsync(new Regex(@"review/cases/\d+"));
            var caseId = long.Parse(Regex.Match(page.Url, @"review/cases/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("#claim-mine")).ToBeVisibleAsync();

            await page.Locator($"#outcome-{entry.Outcome}").ClickAsync();
            await page.Locator("#decision-reason").SelectOptionAsync(entry.Reason);
            var note = $"扫表 {entry.Name}";
            await page.Locator("#decision-note textarea, textarea#decision-note").First.FillAsync(note);

            if (entry.Sanction is { } kind)
            {
                await page.Locator("#with-sanction input, input#with-sanction").First.CheckAsync();
                await page.Locator("#sanction-kind").SelectOptionAsync(kind.ToString());
                await page.Locator("#sanction-reason").SelectOptionAsync("rumour");
                if (entry.SanctionEnd) await TypeDateTimeAsync(page.Locator("#sanction-end"), Future, entry.TypeKeyByKey);
                if (entry.UntilLifted) await page.Locator("#sanction-until-lifted input, input#sanction-until-lifted").First.CheckAsync();
            }
            if (entry.Refutation)
            {
                if (DecisionRecordRules.Refutation(entry.Outcome) == RecordNeed.Optional)
                    await page.Locator("#record-refutation input[type=checkbox]").CheckAsync();
                await page.Locator("#refutation-claim textarea, textarea#refutation-claim").First.FillAsync("某明星退圈");
                await page.Locator("#refutation-statement textarea, textarea#refutation-statement").First.FillAsync("本人未退圈，视频系 AI 合成");
                await page.Locator("#refutation-where input, input#refutation-where").First.FillAsync("https://weibo.example.cn/p/1");
                await TypeDateTimeAsync(page.Locator("#refutation-when"), Past, entry.TypeKeyByKey);
            }
            if (entry.Report)
            {
                if (DecisionRecordRules.Report(entry.Outcome) == RecordNeed.Optional)
                    await page.Locator("#record-report input[type=checkbox]").CheckAsync();
                await page.Locator("#report-authority input, input#report-authority").First.FillAsync("北京市互联网信息办公室");
                await page.Locator("#report-reference input, input#report-reference").First.FillAsync("京网信〔2026〕17号");
                await TypeDateTimeAsync(page.Locator("#report-when"), Earlier, keyByKey: false);
            }
            if (entry.Answer)
            {
                await page.Locator("[id^='feedback-answer-'] textarea, textarea[id^='feedback-answer-']").First.FillAsync("经核查已处理");
                await TypeDateTimeAsync(page.Locator("input[id^='feedback-when-']").First, Past, entry.TypeKeyByKey);
            }

            await page.Locator("#decide").ClickAsync();
            var state = page.Locator("#case-state");
            await Expect(state).ToHaveTextAsync(entry.Outcome == DecisionOutcome.Escalated ? "已升级" : "已处理");
            Assert.Empty(await page.Locator(".field-error").AllTextContentsAsync());

            // Reloaded, the page shows what was saved; the service holds every value to the minute.
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            if (entry.Outcome != DecisionOutcome.Escalated) await Expect(page.Locator("#case-decision")).ToContainTextAsync(note);
            await using var scope = browser.App.As(DecisionFormSweepApp.Reviewer);
            var detail = (await scope.Get<ReviewCaseQueryService>().GetAsync(caseId))!;
            if (entry.Outcome == DecisionOutcome.Escalated)
            {
                Assert.Equal(ReviewCaseState.Escalated, detail.Case.State); // for a Manager to decide: no decision yet
                Assert.Contains(detail.History, e => e.Kind == ReviewCaseEventKind.Escalated);
            }
            else Assert.Equal((entry.Outcome, entry.Reason, note), (detail.Decision!.Outcome, detail.Decision.ReasonCode, detail.Decision.Note));

            var sanction = detail.AuthorSanctions.SingleOrDefault(s => s.ReviewCaseId == caseId);
            Assert.Equal(entry.Sanction, sanction?.Kind);
            if (sanction is not null)
            {
                Assert.Equal("rumour", sanction.ReasonCode);
                Assert.Equal(entry.SanctionEnd ? ChinaTime.ToUtc(Future) : null, sanction.EndsAtUtc);
                if (entry.SanctionEnd) await Expect(page.Locator("body")).ToContainTextAsync(ChinaTime.Format(ChinaTime.ToUtc(Future)));
            }

            var refutation = detail.Records.SingleOrDefault(r => r.Kind == ReviewCaseEventKind.RumourRefuted);
            Assert.Equal(entry.Refutation, refutation is not null);
            if (refutation is not null)
            {
                Assert.Equal(ChinaTime.ToUtc(Past), refutation.AtUtc);
                Assert.Contains("本人未退圈", refutation.Summary + refutation.Detail);
                await Expect(page.Locator("body")).ToContainTextAsync(ChinaTime.Format(refutation.AtUtc));
            }
            var report = detail.Records.SingleOrDefault(r => r.Kind == ReviewCaseEventKind.ReportedToRegulator);
            Assert.Equal(entry.Report, report is not null);
            if (report is not null)
            {
                Assert.Equal(ChinaTime.ToUtc(Earlier), report.AtUtc);
                Assert.Contains("京网信〔2026〕17号", report.Summary + report.Detail);
                await Expect(page.Locator("body")).ToContainTextAsync(ChinaTime.Format(report.AtUtc));
            }

            var feedback = detail.Flags.Single(f => f.Source == FlagSource.UserComplaint).Feedback;
            Assert.Equal(entry.Answer, feedback is not null);
            if (feedback is not null)
            {
                Assert.Equal(("经核查已处理", ChinaTime.ToUtc(Past)), (feedback.Answer, feedback.AnsweredAtUtc));
                Assert.False(feedback.IsLate);
            }
            Assert.True(browser.ConsoleErrors.IsEmpty, string.Join("\n", browser.ConsoleErrors));
        }
        catch
        {
            await page.SaveScreenshotAsync($"failure-sweep-decision-{entry.Outcome}.png", fullPage: true);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
