using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>
/// November 2026 in China Standard Time, as the registers should report it:
/// <list type="bullet">
/// <item>case A (face swap): a complaint and a library hit on Mon 2 Nov 10:00, removed on Tue 3 Nov 09:00 with a suspension and a regulator
/// report, the complainant answered then (in time: due the end of Tue 3 Nov);</item>
/// <item>case B (voice): a complaint on Thu 5 Nov 15:00 due the end of Fri 6 Nov, refuted as a rumour on Mon 9 Nov 10:00 and answered then
/// (58 hours, one working day late);</item>
/// <item>case C: a staff report decided at 00:00:00 on 1 Nov, the first instant of the month; case D: one decided a second before, in October;</item>
/// <item>case E: a complaint on Fri 20 Nov, due at the end of that day, never answered (overdue at the end of the month by 240 hours,
/// six working days).</item>
/// </list>
/// The clock then stands in December, so the month is over.
/// </summary>
public class NovemberRegistersApp : RegistersApp
{
    public static readonly ExportRequest November = Request(ExportKind.ContentHandlingRecords);

    public long CaseA { get; private set; }
    public long CaseB { get; private set; }
    public long CaseC { get; private set; }

    public static ExportRequest Request(ExportKind kind, params (string Key, string Value)[] filters) =>
        new(kind, Utc(11, 1), Utc(12, 1), filters.ToDictionary(f => f.Key, f => f.Value), Unmasked: false);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var cst = (int month, int day, int hour, int minute, int second) => new DateTime(2026, month, day, hour, minute, second);
        CaseA = await AddCaseAsync("content-a", "author-a", SynthesisCategory.FaceManipulation,
            new RegisterFlag(FlagSource.UserComplaint, cst(11, 2, 10, 0, 0), cst(11, 4, 0, 0, 0), "13812345678"),
            new RegisterFlag(FlagSource.FeatureLibrary, cst(11, 2, 10, 0, 0), cst(11, 3, 10, 0, 0)));
        CaseB = await AddCaseAsync("content-b", "author-b", SynthesisCategory.VoiceSynthesis,
            new RegisterFlag(FlagSource.UserComplaint, cst(11, 5, 15, 0, 0), cst(11, 7, 0, 0, 0), "li.lei@example.cn"));
        CaseC = await AddCaseAsync("content-c", "author-c", SynthesisCategory.Other, new RegisterFlag(FlagSource.Staff, cst(10, 31, 20, 0, 0), cst(11, 3, 0, 0, 0)));
        var caseD = await AddCaseAsync("content-d", "author-d", SynthesisCategory.Other, new RegisterFlag(FlagSource.Staff, cst(10, 31, 20, 0, 0), cst(11, 3, 0, 0, 0)));
        await AddCaseAsync("content-e", "author-e", SynthesisCategory.PersonImitationText,
            new RegisterFlag(FlagSource.UserComplaint, cst(11, 20, 9, 0, 0), cst(11, 21, 0, 0, 0), "13900001111"));

        await DecideAsync(caseD, cst(10, 31, 23, 59, 59), new ReviewDecisionRequest(DecisionOutcome.NoViolation, "compliant", null));
        await DecideAsync(CaseC, cst(11, 1, 0, 0, 0), new ReviewDecisionRequest(DecisionOutcome.NoViolation, "false_positive", "误报"));
        var complaintA = (await FlagIdsAsync(CaseA, FlagSource.UserComplaint)).Single();
        await DecideAsync(CaseA, cst(11, 3, 9, 0, 0), new ReviewDecisionRequest(DecisionOutcome.Removed, "fake_news", "=HYPERLINK(\"x\")")
        {
            Sanction = new SanctionRequest(SanctionKind.Suspension, "fake_news", null, Utc(11, 10, 9)),
            Report = new RegulatorReportRequest("北京市网信办", Utc(11, 3, 8), "京网信〔2026〕118号"),
            Feedback = [new ComplaintFeedbackRequest(complaintA, "已删除该内容。", null)],
        });
        var complaintB = (await FlagIdsAsync(CaseB, FlagSource.UserComplaint)).Single();
        await DecideAsync(CaseB, cst(11, 9, 10, 0, 0), new ReviewDecisionRequest(DecisionOutcome.RumourRefuted, "rumour", null)
        {
            Refutation = new RumourRefutationRequest("某歌手去世", "经核实，该歌手健在，音频为 AI 合成。", "https://weibo.example.cn/refute/1", Utc(11, 9, 9)),
            Feedback = [new ComplaintFeedbackRequest(complaintB, "已辟谣。", null)],
        });
        SetCst(cst(12, 5, 12, 0, 0));
    }
}
