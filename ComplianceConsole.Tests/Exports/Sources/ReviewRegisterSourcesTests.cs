using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>The Art. 10-12 registers on November's cases (<see cref="NovemberRegistersApp"/>): rows, order, filters, masking and period edges in CST.</summary>
public sealed class ReviewRegisterSourcesTests(NovemberRegistersApp app) : IClassFixture<NovemberRegistersApp>
{
    private static readonly DateTime Nov1 = RegistersApp.Utc(11, 1);

    private IExportSource Source(ExportKind kind) =>
        app.App.Services.CreateScope().ServiceProvider.GetServices<IExportSource>().Single(s => s.Kind == kind);

    private async Task<List<Dictionary<string, object?>>> RowsAsync(ExportRequest request)
    {
        var source = Source(request.Kind);
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var cells in source.ReadAsync(request, TestContext.Current.CancellationToken))
        {
            Assert.Equal(source.Columns.Count, cells.Length);
            rows.Add(source.Columns.Select((c, i) => (c.Key, Value: cells[i])).ToDictionary(x => x.Key, x => x.Value));
        }
        Assert.Equal(rows.Count, await source.CountAsync(request, TestContext.Current.CancellationToken));
        return rows;
    }

    private static ExportRequest Request(ExportKind kind, params (string, string)[] filters) => NovemberRegistersApp.Request(kind, filters);

    [Fact]
    public async Task Handling_records_list_the_months_decisions_in_time_order_from_its_first_instant_in_China_time()
    {
        var rows = await RowsAsync(Request(ExportKind.ContentHandlingRecords));

        Assert.Equal(["content-c", "content-a", "content-b"], rows.Select(r => r["Review.ContentId"]));
        Assert.Equal(Nov1, rows[0]["Review.DecidedAt"]);
        var a = rows[1];
        Assert.Equal("author-a", a["Review.AuthorId"]);
        Assert.Equal("人脸生成、替换或操控 / Face generation, swap or manipulation", a["Review.Category"]);
        Assert.Equal("缺失 / Missing", a["Review.ExplicitLabel"]);
        Assert.Equal("特征库 / Feature library; 用户投诉 / User complaint", a["Review.FlagSources"]);
        Assert.Equal("删除 / Removed", a["Review.Outcome"]);
        Assert.Equal("fake_news", a["Review.ReasonCode"]);
        Assert.Equal("6, 11", a["Review.Article"]);
        Assert.Equal("=HYPERLINK(\"x\")", a["Review.Note"]);
        Assert.Equal(TestApp.ShownName(RegistersApp.Reviewer), a["Review.DecidedBy"]);
        Assert.Equal("暂停服务 / Suspension 2026-11-03 09:00:00 – 2026-11-10 09:00:00", a["Handling.Sanctions"]);
        Assert.Equal("北京市网信办 京网信〔2026〕118号 2026-11-03 08:00:00", a["Handling.RegulatorReports"]);
        Assert.Null(a["Handling.RumourRefutations"]);
        Assert.Equal("https://weibo.example.cn/refute/1 2026-11-09 09:00:00", rows[2]["Handling.RumourRefutations"]);
        Assert.All(rows, r => Assert.IsType<string>(r["Review.DecisionId"]));
    }

    [Fact]
    public async Task Handling_records_give_each_decision_its_case_times_and_whether_it_was_within_the_time_limit()
    {
        var rows = await RowsAsync(Request(ExportKind.ContentHandlingRecords));
        var (a, b) = (rows[1], rows[2]);

        Assert.Equal(app.CaseA.ToString(), a["Review.CaseId"]);
        Assert.Equal(RegistersApp.Utc(11, 2, 10), a["Review.FirstReceivedAt"]);
        // The library hit was due first, at 10:00 on 3 Nov; decided at 09:00, 23 hours after the flags came in.
        Assert.Equal(RegistersApp.Utc(11, 3, 10), a["Review.DueAt"]);
        Assert.Equal(RegistersApp.Utc(11, 3, 9), a["Review.DecidedAt"]);
        Assert.Equal(23.00m, a["Review.HandlingHours"]);
        Assert.Equal("是 / Yes", a["Review.WithinTimeLimit"]);
        Assert.Equal("视频 / Video", a["Review.MediaType"]);
        Assert.Equal("有 / Present", a["Review.ImplicitLabel"]);
        // B's complaint came in at 15:00 on Thu 5 Nov, due the end of Fri 6 Nov, decided at 10:00 on Mon 9 Nov.
        Assert.Equal(91.00m, b["Review.HandlingHours"]);
        Assert.Equal("否 / No", b["Review.WithinTimeLimit"]);
        Assert.Equal("用户投诉 / User complaint 2026-11-05 15:00:00 → 2026-11-07 00:00:00", b["Review.Flags"]);
        Assert.All(rows, r => Assert.Null(r["Review.FollowsDecision"]));
    }

    [Fact]
    public async Task Sanctions_refutations_and_complaints_carry_the_times_of_their_decision()
    {
        var sanction = Assert.Single(await RowsAsync(Request(ExportKind.SanctionsRegister)));
        Assert.Equal((app.CaseA.ToString(), RegistersApp.Utc(11, 2, 10), 23.00m, "是 / Yes"),
            (sanction["Review.CaseId"], sanction["Review.FirstReceivedAt"], sanction["Review.HandlingHours"], sanction["Review.WithinTimeLimit"]));
        var refutation = Assert.Single(await RowsAsync(Request(ExportKind.RumourRefutations)));
        Assert.Equal((app.CaseB.ToString(), RegistersApp.Utc(11, 9, 10), "否 / No"), (refutation["Review.CaseId"], refutation["Review.DecidedAt"], refutation["Review.WithinTimeLimit"]));
        var complaints = await RowsAsync(Request(ExportKind.ComplaintsRegister));
        Assert.Equal([app.CaseA.ToString(), app.CaseB.ToString(), null], complaints.Select(r => r["Review.CaseId"]));
        Assert.Equal(sanction["Review.DecisionId"], complaints[0]["Review.DecisionId"]);
    }

    [Fact]
    public async Task Handling_records_filter_by_outcome_category_and_flag_source()
    {
        Assert.Equal(["content-a"], (await RowsAsync(Request(ExportKind.ContentHandlingRecords, ("outcome", "Removed")))).Select(r => r["Review.ContentId"]));
        Assert.Equal(["content-b"], (await RowsAsync(Request(ExportKind.ContentHandlingRecords, ("category", "VoiceSynthesis")))).Select(r => r["Review.ContentId"]));
        Assert.Equal(["content-a", "content-b"], (await RowsAsync(Request(ExportKind.ContentHandlingRecords, ("source", "UserComplaint")))).Select(r => r["Review.ContentId"]));
        // A value the filter does not offer filters nothing rather than failing the export.
        Assert.Equal(3, (await RowsAsync(Request(ExportKind.ContentHandlingRecords, ("outcome", "Deleted")))).Count);
    }

    [Fact]
    public async Task October_ends_a_second_before_November_in_China_time()
    {
        var october = new ExportRequest(ExportKind.ContentHandlingRecords, RegistersApp.Utc(10, 1), Nov1, new Dictionary<string, string>(), false);
        Assert.Equal(["content-d"], (await RowsAsync(october)).Select(r => r["Review.ContentId"]));
    }

    [Fact]
    public async Task Sanctions_register_names_the_user_the_decision_and_who_imposed_it()
    {
        var row = Assert.Single(await RowsAsync(Request(ExportKind.SanctionsRegister)));
        Assert.Equal("author-a", row["Sanction.PlatformUser"]);
        Assert.Equal("暂停服务 / Suspension", row["Sanction.Kind"]);
        Assert.Equal(RegistersApp.Utc(11, 3, 9), row["Sanction.StartsAt"]);
        Assert.Equal(RegistersApp.Utc(11, 10, 9), row["Sanction.EndsAt"]);
        Assert.Null(row["Sanction.LiftedAt"]);
        Assert.Equal("content-a", row["Review.ContentId"]);
        Assert.Equal(TestApp.ShownName(RegistersApp.Reviewer), row["Sanction.ImposedBy"]);
        Assert.Equal("6, 11", row["Review.Article"]);
        Assert.Empty(await RowsAsync(Request(ExportKind.SanctionsRegister, ("sanctionKind", "Warning"))));
    }

    [Fact]
    public async Task Rumour_refutations_carry_their_decision_and_content()
    {
        var row = Assert.Single(await RowsAsync(Request(ExportKind.RumourRefutations)));
        Assert.Equal("content-b", row["Review.ContentId"]);
        Assert.Equal("某歌手去世", row["Refutation.FalseClaim"]);
        Assert.Equal("辟谣 / Rumour refuted", row["Review.Outcome"]);
        Assert.Equal(RegistersApp.Utc(11, 9, 9), row["Refutation.PublishedAt"]);
        Assert.Empty(await RowsAsync(Request(ExportKind.RumourRefutations, ("category", "FaceManipulation"))));
    }

    [Fact]
    public async Task Complaints_register_says_within_or_late_and_by_how_much_in_hours_and_working_days()
    {
        var rows = await RowsAsync(Request(ExportKind.ComplaintsRegister));

        Assert.Equal(["content-a", "content-b", "content-e"], rows.Select(r => r["Review.ContentId"]));
        var (a, b, e) = (rows[0], rows[1], rows[2]);
        Assert.Equal("时限内反馈 / Answered in time", a["Complaint.TimeLimit"]);
        Assert.Null(a["Complaint.LateByHours"]);
        Assert.Equal(RegistersApp.Utc(11, 3, 9), a["Complaint.AnsweredAt"]);
        Assert.Equal("已删除该内容。", a["Complaint.Answer"]);
        Assert.Equal("删除 / Removed", a["Review.Outcome"]);
        Assert.Equal("超时反馈 / Answered late", b["Complaint.TimeLimit"]);
        Assert.Equal(58.0m, b["Complaint.LateByHours"]);
        Assert.Equal(1, b["Complaint.LateByWorkingDays"]);
        Assert.Equal("辟谣 / Rumour refuted", b["Review.Outcome"]);
        // Unanswered: overdue as the month ended (not as the export runs), Mon 23 to Mon 30 Nov being six working days.
        Assert.Equal("超时未反馈 / Overdue, unanswered", e["Complaint.TimeLimit"]);
        Assert.Equal(240.0m, e["Complaint.LateByHours"]);
        Assert.Equal(6, e["Complaint.LateByWorkingDays"]);
        Assert.Null(e["Complaint.AnsweredAt"]);
        Assert.Null(e["Review.Outcome"]);
    }

    [Fact]
    public async Task Complaints_register_masks_the_complainant_unless_asked_unmasked()
    {
        var masked = await RowsAsync(Request(ExportKind.ComplaintsRegister));
        Assert.Equal(["138****5678", "l***@example.cn", "139****1111"], masked.Select(r => r["Complaint.Contact"]));

        var unmasked = await RowsAsync(Request(ExportKind.ComplaintsRegister) with { Unmasked = true });
        Assert.Equal(["13812345678", "li.lei@example.cn", "13900001111"], unmasked.Select(r => r["Complaint.Contact"]));
    }

    [Fact]
    public async Task Complaints_register_filters_by_time_limit_result_and_outcome()
    {
        Assert.Equal(["content-b"], (await RowsAsync(Request(ExportKind.ComplaintsRegister, ("timeLimit", "Late")))).Select(r => r["Review.ContentId"]));
        Assert.Equal(["content-a"], (await RowsAsync(Request(ExportKind.ComplaintsRegister, ("timeLimit", "Within")))).Select(r => r["Review.ContentId"]));
        Assert.Equal(["content-e"], (await RowsAsync(Request(ExportKind.ComplaintsRegister, ("timeLimit", "Overdue")))).Select(r => r["Review.ContentId"]));
        Assert.Empty(await RowsAsync(Request(ExportKind.ComplaintsRegister, ("timeLimit", "Open"))));
        Assert.Equal(["content-a"], (await RowsAsync(Request(ExportKind.ComplaintsRegister, ("outcome", "Removed")))).Select(r => r["Review.ContentId"]));
    }

    [Fact]
    public async Task Compliance_summary_counts_the_month_by_category_outcome_and_time_limits_per_source()
    {
        var rows = await RowsAsync(Request(ExportKind.ComplianceSummary));

        Assert.All(rows, r => Assert.Equal(Nov1, r["Summary.PeriodStart"]));
        Assert.All(rows, r => Assert.Equal(RegistersApp.Utc(12, 1), r["Summary.PeriodEnd"]));
        var counts = rows.ToDictionary(r => $"{r["Summary.Measure"]}/{r["Review.Category"]}/{r["Review.Outcome"]}/{r["Summary.Source"]}", r => r["Summary.Count"]);
        Assert.Equal(new Dictionary<string, object?>
        {
            ["决定数 / Decisions/人脸生成、替换或操控 / Face generation, swap or manipulation/删除 / Removed/"] = 1L,
            ["决定数 / Decisions/语音合成或仿声 / Voice synthesis or imitation/辟谣 / Rumour refuted/"] = 1L,
            ["决定数 / Decisions/其他 / Other/无违规 / No violation/"] = 1L,
            ["收到的标记 / Flags received///特征库 / Feature library"] = 1L,
            ["收到的标记 / Flags received///用户投诉 / User complaint"] = 3L,
            ["在时限内处理 / Handled within time limit///特征库 / Feature library"] = 1L,
            ["在时限内处理 / Handled within time limit///用户投诉 / User complaint"] = 1L,
            ["超出时限 / Time limit missed///特征库 / Feature library"] = 0L,
            ["超出时限 / Time limit missed///用户投诉 / User complaint"] = 2L,
        }.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Compliance_summary_buckets_days_and_weeks_on_China_time_cut_to_the_period()
    {
        var days = await RowsAsync(Request(ExportKind.ComplianceSummary, ("bucket", "Day")));
        var decidedOnFirst = Assert.Single(days, r => (string?)r["Summary.Measure"] == "决定数 / Decisions" && (string?)r["Review.Category"] == "其他 / Other");
        Assert.Equal(Nov1, decidedOnFirst["Summary.PeriodStart"]);
        Assert.Equal(RegistersApp.Utc(11, 2), decidedOnFirst["Summary.PeriodEnd"]);

        // 1 Nov 2026 is a Sunday: its week began on Monday 26 Oct, before the period, so the row starts with the period.
        var weeks = await RowsAsync(Request(ExportKind.ComplianceSummary, ("bucket", "Week")));
        var decisions = weeks.Where(r => (string?)r["Summary.Measure"] == "决定数 / Decisions").ToList();
        Assert.Equal([(Nov1, RegistersApp.Utc(11, 2)), (RegistersApp.Utc(11, 2), RegistersApp.Utc(11, 9)), (RegistersApp.Utc(11, 9), RegistersApp.Utc(11, 16))],
            decisions.Select(r => ((DateTime)r["Summary.PeriodStart"]!, (DateTime)r["Summary.PeriodEnd"]!)));
    }

    [Fact]
    public async Task Every_column_of_every_source_has_a_Chinese_and_an_English_header()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "ComplianceConsole", "Localization");
        static HashSet<string> Keys(string file) =>
            System.Xml.Linq.XDocument.Load(file).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        var (chinese, english) = (Keys(Path.Combine(folder, "SharedResource.resx")), Keys(Path.Combine(folder, "SharedResource.en.resx")));
        var sources = app.App.Services.CreateScope().ServiceProvider.GetServices<IExportSource>().ToList();
        Assert.Superset(new HashSet<ExportKind> { ExportKind.ContentHandlingRecords, ExportKind.SanctionsRegister, ExportKind.RumourRefutations,
            ExportKind.ComplaintsRegister, ExportKind.ComplianceSummary }, sources.Select(s => s.Kind).ToHashSet());
        // The kind's name and each filter's name are shown on the export page and the cover too.
        var keys = sources.SelectMany(s => s.Columns.Select(c => $"ExportColumn.{c.Key}").Append($"ExportKind.{s.Kind}")
            .Concat(s.Filters.Select(f => $"ExportFilter.{f.Key}"))
            .Concat(s.Filters.SelectMany(f => f.Options.Select(o => o.LabelKey)))).Distinct().ToList();
        Assert.Equal([], keys.Except(chinese));
        Assert.Equal([], keys.Except(english));
        Assert.All(sources, s => Assert.All(s.Columns, c => Assert.InRange(c.Width, 6, 70))); // a SHA-256 in hex is 64 characters
    }
}
