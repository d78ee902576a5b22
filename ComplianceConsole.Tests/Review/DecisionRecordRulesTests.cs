using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review;

public class DecisionRecordRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ComplaintFlag Complaint = new(7, Now.AddDays(-20), Now.AddDays(-1), Answered: false);

    private static IReadOnlyList<string> Problems(ReviewDecisionRequest request, params ComplaintFlag[] complaints) =>
        DecisionRecordRules.Check(request, complaints, Now).Select(e => $"{e.Field}:{e.MessageKey}").ToList();

    private static readonly RumourRefutationRequest Refutation = new("某明星退圈", "本人未退圈，视频系 AI 合成", "https://weibo.example.cn/p/1", Now.AddHours(-1));
    private static readonly RegulatorReportRequest Report = new("北京市互联网信息办公室", Now.AddHours(-2), "京网信〔2026〕17号");

    [Theory]
    [InlineData(DecisionOutcome.NoViolation, RecordNeed.NotAllowed, RecordNeed.NotAllowed, RecordNeed.NotAllowed, RecordNeed.Optional)]
    [InlineData(DecisionOutcome.LabelRequired, RecordNeed.Optional, RecordNeed.NotAllowed, RecordNeed.NotAllowed, RecordNeed.Optional)]
    [InlineData(DecisionOutcome.Removed, RecordNeed.Optional, RecordNeed.Optional, RecordNeed.Optional, RecordNeed.Optional)]
    [InlineData(DecisionOutcome.RumourRefuted, RecordNeed.Optional, RecordNeed.Required, RecordNeed.Optional, RecordNeed.Optional)]
    [InlineData(DecisionOutcome.Escalated, RecordNeed.NotAllowed, RecordNeed.NotAllowed, RecordNeed.NotAllowed, RecordNeed.NotAllowed)]
    [InlineData(DecisionOutcome.ReportedToRegulator, RecordNeed.Optional, RecordNeed.Optional, RecordNeed.Required, RecordNeed.Optional)]
    public void Each_outcome_needs_allows_or_refuses_each_record(DecisionOutcome outcome, RecordNeed sanction, RecordNeed refutation, RecordNeed report, RecordNeed feedback)
    {
        Assert.Equal(sanction, DecisionRecordRules.Sanction(outcome));
        Assert.Equal(refutation, DecisionRecordRules.Refutation(outcome));
        Assert.Equal(report, DecisionRecordRules.Report(outcome));
        Assert.Equal(feedback, DecisionRecordRules.Feedback(outcome));
    }

    [Fact]
    public void A_rumour_refuted_without_its_refutation_or_a_report_without_its_record_is_refused()
    {
        Assert.Contains("Refutation:Review.Decide.RefutationRequired", Problems(new(DecisionOutcome.RumourRefuted, "rumour", null)));
        Assert.Empty(Problems(new(DecisionOutcome.RumourRefuted, "rumour", null) { Refutation = Refutation }));
        Assert.Contains("Report:Review.Decide.ReportRequired", Problems(new(DecisionOutcome.ReportedToRegulator, "endangers_security", null)));
        Assert.Empty(Problems(new(DecisionOutcome.ReportedToRegulator, "endangers_security", null) { Report = Report, Refutation = Refutation }));
        Assert.Contains("Refutation:Review.Decide.RefutationNotAllowed", Problems(new(DecisionOutcome.NoViolation, "false_positive", null) { Refutation = Refutation }));
    }

    [Fact]
    public void The_reason_must_fit_the_outcome()
    {
        Assert.Contains("ReasonCode:Review.Decide.ReasonRequired", Problems(new(DecisionOutcome.Removed, null, null)));
        Assert.Contains("ReasonCode:Review.Decide.ReasonRequired", Problems(new(DecisionOutcome.Removed, "no_such_reason", null)));
        Assert.Contains("ReasonCode:Review.Decide.ReasonDoesNotFit", Problems(new(DecisionOutcome.NoViolation, "rumour", null)));
        Assert.Contains("ReasonCode:Review.Decide.ReasonDoesNotFit", Problems(new(DecisionOutcome.Removed, "false_positive", null)));
        Assert.Empty(Problems(new(DecisionOutcome.NoViolation, "false_positive", null)));
        Assert.Contains("Note:Review.Decide.EscalationNeedsNote", Problems(new(DecisionOutcome.Escalated, "rumour", " ")));
        Assert.Empty(Problems(new(DecisionOutcome.Escalated, "rumour", "涉及公众人物，请主管判断")));
    }

    [Fact]
    public void A_sanction_needs_a_violation_and_a_suspension_needs_an_end_after_its_start()
    {
        Assert.Contains("Sanction:Review.Decide.SanctionNotAllowed",
            Problems(new(DecisionOutcome.NoViolation, "compliant", null) { Sanction = new(SanctionKind.Warning, "rumour", null, null) }));
        Assert.Contains("Sanction.EndsAtUtc:Review.Sanction.SuspensionNeedsEnd",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.Suspension, "rumour", null, null) }));
        Assert.Contains("Sanction.EndsAtUtc:Review.Sanction.EndBeforeStart",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.Suspension, "rumour", Now, Now.AddHours(-1)) }));
        Assert.Contains("Sanction.ReasonCode:Review.Sanction.ReasonRequired",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.Warning, "compliant", null, null) }));
        Assert.Contains("Sanction.EndsAtUtc:Review.Sanction.NoEndForKind",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.AccountClosure, "rumour", null, Now.AddDays(1)) }));
        Assert.Empty(Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.Suspension, "rumour", null, Now.AddDays(7)) }));
    }

    [Fact]
    public void A_function_restriction_without_an_end_is_refused_unless_it_is_deliberately_until_lifted()
    {
        // The form sends no end when it could not read one: that must never become an indefinite restriction.
        Assert.Contains("Sanction.EndsAtUtc:Review.Sanction.RestrictionNeedsEnd",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.FunctionRestriction, "rumour", null, null) }));
        Assert.Empty(Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.FunctionRestriction, "rumour", null, null, UntilLifted: true) }));
        Assert.Empty(Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.FunctionRestriction, "rumour", null, Now.AddDays(7)) }));
        Assert.Contains("Sanction.EndsAtUtc:Review.Sanction.UntilLiftedWithEnd",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.FunctionRestriction, "rumour", null, Now.AddDays(7), UntilLifted: true) }));
        Assert.Contains("Sanction.EndsAtUtc:Review.Sanction.UntilLiftedNotForKind",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Sanction = new(SanctionKind.Suspension, "rumour", null, null, UntilLifted: true) }));
    }

    [Fact]
    public void Complaint_answers_go_to_this_cases_unanswered_complaints_once_and_not_while_escalating()
    {
        var answer = new ComplaintFeedbackRequest(7, "经核查已删除", null);
        Assert.Empty(Problems(new(DecisionOutcome.Removed, "rumour", null) { Feedback = [answer] }, Complaint));
        Assert.Contains("Feedback[8]:Review.Feedback.NotAComplaint", Problems(new(DecisionOutcome.Removed, "rumour", null) { Feedback = [answer with { FlagId = 8 }] }, Complaint));
        Assert.Contains("Feedback[7]:Review.Feedback.AlreadyAnswered", Problems(new(DecisionOutcome.Removed, "rumour", null) { Feedback = [answer] }, Complaint with { Answered = true }));
        Assert.Contains("Feedback[7]:Review.Feedback.Twice", Problems(new(DecisionOutcome.Removed, "rumour", null) { Feedback = [answer, answer] }, Complaint));
        Assert.Contains("Feedback[7].Answer:Review.FieldRequired", Problems(new(DecisionOutcome.Removed, "rumour", null) { Feedback = [answer with { Answer = " " }] }, Complaint));
        Assert.Contains("Feedback[7].AnsweredAtUtc:Review.Feedback.BeforeComplaint",
            Problems(new(DecisionOutcome.Removed, "rumour", null) { Feedback = [answer with { AnsweredAtUtc = Now.AddDays(-30) }] }, Complaint));
        Assert.Contains("Feedback:Review.Decide.FeedbackNotAllowed", Problems(new(DecisionOutcome.Escalated, "rumour", "请主管判断") { Feedback = [answer] }, Complaint));
    }

    [Fact]
    public void An_answer_after_the_complaints_due_time_is_late_and_one_on_time_is_not()
    {
        Assert.True(DecisionRecordRules.IsLate(Complaint.DueAtUtc.AddSeconds(1), Complaint.DueAtUtc));
        Assert.False(DecisionRecordRules.IsLate(Complaint.DueAtUtc, Complaint.DueAtUtc));
    }

    [Fact]
    public void Bulk_decisions_only_take_outcomes_that_need_no_record()
    {
        Assert.Equal([DecisionOutcome.NoViolation, DecisionOutcome.LabelRequired, DecisionOutcome.Removed],
            Enum.GetValues<DecisionOutcome>().Where(DecisionRecordRules.AllowsBulk));
    }

    [Fact]
    public void Times_in_the_future_are_refused()
    {
        Assert.Contains("Report.ReportedAtUtc:Review.TimeInFuture",
            Problems(new(DecisionOutcome.ReportedToRegulator, "rumour", null) { Report = Report with { ReportedAtUtc = Now.AddHours(1) } }));
    }
}
