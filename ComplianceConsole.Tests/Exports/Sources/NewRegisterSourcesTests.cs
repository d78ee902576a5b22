using ClosedXML.Excel;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>The registers added for "exports a regulator can trust", read back from the workbook a Manager downloads, on <see cref="NewRegistersApp"/>'s November.</summary>
public sealed class NewRegisterSourcesTests(NewRegistersApp app) : IClassFixture<NewRegistersApp>
{
    private IReadOnlyList<ExportColumn> ColumnsOf(ExportKind kind) =>
        app.App.Services.CreateScope().ServiceProvider.GetServices<IExportSource>().Single(s => s.Kind == kind).Columns;

    /// <summary>The data sheet's rows, each cell by its column's key.</summary>
    private async Task<List<Dictionary<string, IXLCell>>> RowsAsync(ExportKind kind, bool unmasked = false, params (string, string)[] filters)
    {
        var (workbook, _) = await app.ExportAsync(NewRegistersApp.Request(kind, unmasked, filters));
        var columns = ColumnsOf(kind);
        var sheet = workbook.Worksheet(2);
        return [.. sheet.RowsUsed().Skip(1).Select(r => columns.Select((c, i) => (c.Key, Cell: r.Cell(i + 1))).ToDictionary(x => x.Key, x => x.Cell))];
    }

    private static DateTime Cst(int month, int day, int hour) => NewRegistersApp.Cst(month, day, hour);

    [Fact]
    public async Task Appeals_register_gives_each_appeal_its_time_limit_as_the_month_ended()
    {
        var (workbook, _) = await app.ExportAsync(NewRegistersApp.Request(ExportKind.Appeals));
        Assert.Equal("申诉编号 / Appeal ID", workbook.Worksheet(2).Cell(1, 1).GetString());
        Assert.Equal("是否在时限内 / Within limit", workbook.Worksheet(2).Cell(1, 11).GetString());
        Assert.Equal("第十二条 / Art. 12", ExportApp.CoverValue(workbook, "对应条款"));

        var rows = await RowsAsync(ExportKind.Appeals);
        Assert.Equal(2, rows.Count);
        var upheld = rows[0];
        Assert.Equal("pa-1", upheld["Appeal.PlatformAppealId"].GetString());
        Assert.Equal(XLDataType.Text, upheld["Appeal.CaseNumber"].DataType);
        Assert.Equal(app.ComplaintCase.ToString(), upheld["Appeal.CaseNumber"].GetString());
        Assert.Equal("无违规 / No violation", upheld["Appeal.AppealedOutcome"].GetString());
        Assert.Equal("author-pii", upheld["Appeal.PlatformUser"].GetString());
        Assert.Equal(XLDataType.DateTime, upheld["Appeal.SubmittedAt"].DataType);
        Assert.Equal(Cst(11, 5, 10), upheld["Appeal.SubmittedAt"].GetDateTime());
        Assert.Equal(Cst(11, 6, 10), upheld["Appeal.DecidedAt"].GetDateTime());
        Assert.Equal("维持原决定 / Upheld", upheld["Appeal.Outcome"].GetString());
        Assert.Equal("是 / Yes", upheld["Appeal.WithinLimit"].GetString());
        Assert.Equal("已回电 138****8000，维持原决定", upheld["Appeal.Note"].GetString());

        // Decided only in December: at the end of November it was unanswered past its due time.
        var open = rows[1];
        Assert.True(open["Appeal.DecidedAt"].IsEmpty());
        Assert.True(open["Appeal.Outcome"].IsEmpty());
        Assert.Equal("否 / No", open["Appeal.WithinLimit"].GetString());
        Assert.Equal(app.OpenAppealId.ToString(), open["Appeal.Id"].GetString());
        Assert.Equal([upheld["Appeal.Id"].GetString()], (await RowsAsync(ExportKind.Appeals, false, ("timeLimit", "Within"))).Select(r => r["Appeal.Id"].GetString()));
    }

    [Fact]
    public async Task Regulator_notices_register_gives_the_reference_and_whether_each_was_handled_in_time()
    {
        var rows = await RowsAsync(ExportKind.RegulatorNotices);

        Assert.Equal([app.NoticeCase.ToString(), app.LateNoticeCase.ToString()], rows.Select(r => r["Notice.CaseNumber"].GetString()));
        var handled = rows[0];
        Assert.Equal("京网信〔2026〕7号", handled["Notice.Reference"].GetString());
        Assert.Equal("北京市网信办", handled["Notice.RaisedBy"].GetString());
        Assert.Equal(Cst(11, 2, 11), handled["Notice.ReceivedAt"].GetDateTime());
        Assert.Equal(Cst(11, 3, 10), handled["Notice.HandledAt"].GetDateTime());
        Assert.Equal("是 / Yes", handled["Notice.WithinLimit"].GetString());
        Assert.Equal("请核查该视频，联系人 138****8000", handled["Notice.Text"].GetString());
        Assert.True(rows[1]["Notice.HandledAt"].IsEmpty());
        Assert.Equal("否 / No", rows[1]["Notice.WithinLimit"].GetString());
        Assert.Single(await RowsAsync(ExportKind.RegulatorNotices, false, ("timeLimit", "Overdue")));
    }

    [Fact]
    public async Task Labels_register_gives_the_labels_as_first_received_and_as_each_re_send_changed_them()
    {
        var all = await RowsAsync(ExportKind.Labels);
        Assert.Equal(["content-pii", "content-notice", "content-late"], all.Take(3).Select(r => r["Review.ContentId"].GetString()));
        var rows = all.Where(r => r["Review.ContentId"].GetString() == "label-1").ToList();

        // The re-send that changed only the excerpt is not a labels event.
        Assert.Equal(["首次接收 / First received", "重新报送变更 / Changed on re-send"], rows.Select(r => r["Label.Event"].GetString()));
        var first = rows[0];
        Assert.Equal(Cst(11, 21, 10), first["Label.At"].GetDateTime());
        Assert.Equal("label-1", first["Review.ContentId"].GetString());
        Assert.Equal("缺失 / Missing", first["Review.ExplicitLabel"].GetString());
        Assert.Equal("有 / Present", first["Review.ImplicitLabel"].GetString());
        Assert.Equal("是 / Yes", first["Label.Declared"].GetString());
        Assert.Equal("人工智能生成 / AI-generated", first["Aigc.Label"].GetString());
        Assert.Equal(XLDataType.Text, first["Aigc.ContentProducer"].DataType);
        Assert.Equal("001191101080000000000000000000001", first["Aigc.ContentProducer"].GetString());
        Assert.Equal("p-1", first["Aigc.ProduceId"].GetString());
        var changed = rows[1];
        Assert.Equal("explicitLabelStatus", changed["Label.ChangedFields"].GetString());
        Assert.Equal("api:test-platform", changed["Label.SentBy"].GetString());
        Assert.Equal("有 / Present", changed["Review.ExplicitLabel"].GetString());
        Assert.Equal(["content-pii", "content-notice", "content-late", "label-1"],
            (await RowsAsync(ExportKind.Labels, false, ("explicitLabel", "Missing"))).Select(r => r["Review.ContentId"].GetString()));
    }

    [Fact]
    public async Task Feature_library_changes_give_who_changed_which_rule_and_how()
    {
        var rows = await RowsAsync(ExportKind.FeatureLibraryChanges);

        Assert.Equal(["新增 / Created", "停用 / Disabled"], rows.Select(r => r["RuleChange.Change"].GetString()));
        Assert.All(rows, r => Assert.Equal(app.RuleId.ToString(), r["RuleChange.RuleId"].GetString()));
        Assert.Equal(Cst(11, 10, 9), rows[0]["RuleChange.At"].GetDateTime());
        Assert.Equal(RegistersApp.Manager, rows[0]["RuleChange.By"].GetString());
        Assert.Equal("关键词 / Keyword", rows[0]["RuleChange.Kind"].GetString());
        Assert.Equal("换脸教程", rows[0]["RuleChange.Value"].GetString());
        Assert.Equal("fraud_impersonation", rows[0]["Review.ReasonCode"].GetString());
        Assert.Equal("否 / No", rows[1]["RuleChange.Enabled"].GetString());
        Assert.Single(await RowsAsync(ExportKind.FeatureLibraryChanges, false, ("ruleChange", "Disabled")));
    }

    [Fact]
    public async Task Filing_history_gives_each_save_of_a_filing_as_it_was_then()
    {
        var rows = await RowsAsync(ExportKind.FilingHistory);

        Assert.Equal(["登记 / Recorded", "变更 / Changed"], rows.Select(r => r["FilingChange.Change"].GetString()));
        Assert.Equal(["有效 / Active", "已变更 / Changed"], rows.Select(r => r["Filing.Status"].GetString()));
        Assert.Equal(ExportApp.FilingNumber, rows[0]["Filing.Number"].GetString());
        Assert.Equal("服务提供者 / Service provider", rows[0]["Filing.Role"].GetString());
        Assert.Equal("2026-03-01", rows[0]["Filing.FiledOn"].GetString());
        Assert.Equal(Cst(11, 16, 9), rows[1]["FilingChange.At"].GetDateTime());
    }

    [Fact]
    public async Task Retention_log_gives_holds_with_who_and_why_and_each_purge_runs_counts()
    {
        var rows = await RowsAsync(ExportKind.RetentionLog);

        var placed = rows[0];
        Assert.Equal("设置保全 / Hold placed", placed["RetentionLog.Event"].GetString());
        Assert.Equal("平台用户 / Platform user", placed["RetentionLog.Target"].GetString());
        Assert.Equal("author-pii", placed["RetentionLog.Reference"].GetString());
        Assert.Equal("投诉纠纷，投诉人手机 138****8000", placed["RetentionLog.Reason"].GetString());
        Assert.Equal("解除保全 / Hold lifted", rows[1]["RetentionLog.Event"].GetString());
        Assert.Equal("纠纷已了结", rows[1]["RetentionLog.Reason"].GetString());
        var purge = rows.Skip(2).ToList();
        Assert.NotEmpty(purge);
        Assert.All(purge, r => Assert.Equal("清理 / Purge run", r["RetentionLog.Event"].GetString()));
        Assert.All(purge, r => Assert.Equal(Cst(11, 20, 3), r["RetentionLog.At"].GetDateTime()));
        var verification = purge.Single(r => r["RetentionLog.Target"].GetString() == "实名认证记录 / Verification records");
        Assert.Equal(XLDataType.Number, verification["RetentionLog.Removed"].DataType);
        Assert.Equal(0, verification["RetentionLog.Removed"].GetDouble());
        Assert.True(verification["RetentionLog.Days"].GetDouble() > 0);
        Assert.Equal(["设置保全 / Hold placed"], (await RowsAsync(ExportKind.RetentionLog, false, ("retentionEvent", "HoldPlaced"))).Select(r => r["RetentionLog.Event"].GetString()));
    }

    [Fact]
    public async Task A_masked_export_of_any_kind_has_no_full_identifier_and_an_unmasked_one_keeps_the_text()
    {
        var identifiers = new[] { NewRegistersApp.ResidentId, NewRegistersApp.Mobile, "138 0013 8000", NewRegistersApp.Email };
        foreach (var kind in Enum.GetValues<ExportKind>())
        {
            var (workbook, _) = await app.ExportAsync(new ExportRequest(kind, RegistersApp.Utc(11, 1), RegistersApp.Utc(12, 1), new Dictionary<string, string>(), false));
            var cells = workbook.Worksheets.Skip(1).SelectMany(s => s.CellsUsed()).Select(c => c.GetString()).ToList();
            foreach (var identifier in identifiers) Assert.DoesNotContain(cells, c => c.Contains(identifier, StringComparison.Ordinal));
        }

        var complaint = Assert.Single(await RowsAsync(ExportKind.ComplaintsRegister));
        Assert.Equal("我是张三，身份证110105********002X，手机138****8000，邮箱z***@example.cn", complaint["Complaint.Reason"].GetString());
        var unmasked = Assert.Single(await RowsAsync(ExportKind.ComplaintsRegister, unmasked: true));
        Assert.Equal(NewRegistersApp.PiiText, unmasked["Complaint.Reason"].GetString());
        Assert.Equal(NewRegistersApp.PiiText, (await RowsAsync(ExportKind.Appeals, unmasked: true))[0]["Appeal.Statement"].GetString());
    }

    [Fact]
    public async Task A_past_months_registers_give_the_same_data_whatever_happened_after_it()
    {
        ExportKind[] kinds = [ExportKind.Appeals, ExportKind.RegulatorNotices, ExportKind.Labels, ExportKind.FeatureLibraryChanges, ExportKind.FilingHistory, ExportKind.RetentionLog];
        var before = new List<string>();
        foreach (var kind in kinds) before.Add((await app.ExportAsync(NewRegistersApp.Request(kind))).Digest);

        await app.ChangeThingsInDecemberAsync();

        var after = new List<string>();
        foreach (var kind in kinds) after.Add((await app.ExportAsync(NewRegistersApp.Request(kind))).Digest);
        Assert.Equal(before, after);
        Assert.All((await RowsAsync(ExportKind.Labels)).Where(r => r["Review.ContentId"].GetString() == "label-1"),
            r => Assert.Equal("p-1", r["Aigc.ProduceId"].GetString()));
    }
}
