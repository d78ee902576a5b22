using ClosedXML.Excel;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Schedules;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Localization;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;

namespace ComplianceConsole.Tests.Exports;

/// <summary>The app on a clock the test moves, so a schedule comes due.</summary>
public sealed class ScheduledExportApp : ExportApp
{
    public MovableClock Clock { get; private set; } = default!;

    protected override TestApp CreateApp()
    {
        Clock = new MovableClock();
        return new ClockedTestApp(Clock);
    }
}

/// <summary>The app with data sheets of two rows, so three records split.</summary>
public sealed class SplitSheetsExportApp : ExportApp
{
    protected override TestApp CreateApp() => new(new Dictionary<string, string> { [ExportsOptions.RowsPerSheetKey] = "2" });
}

public sealed class ExportScheduleTests(ScheduledExportApp app) : IClassFixture<ScheduledExportApp>
{
    [Fact]
    public async Task A_monthly_report_runs_on_the_first_at_eight_for_the_month_before_as_its_owner()
    {
        long scheduleId;
        await using (var scope = app.App.As(ExportApp.Manager))
        {
            var result = await scope.Get<ExportScheduleService>().CreateAsync(new ExportScheduleForm
            {
                Kind = ExportKind.VerificationLedger, Period = ExportSchedulePeriod.PreviousMonth, TimeOfDayCst = TimeSpan.FromHours(8),
            });
            Assert.True(result.Succeeded);
            scheduleId = result.Value;
        }
        var runner = app.App.Services.GetService(typeof(ExportScheduleRunner)) as ExportScheduleRunner;
        Assert.Empty(await runner!.RunDueAsync());

        var today = ChinaTime.FromUtc(app.Clock.GetUtcNow().UtcDateTime).Date;
        var firstOfNextMonth = new DateTime(today.Year, today.Month, 1).AddMonths(1);
        var due = ChinaTime.ToUtc(firstOfNextMonth.AddHours(8));
        app.Clock.Advance(due - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(30));

        var queued = Assert.Single(await runner.RunDueAsync());
        Assert.Empty(await runner.RunDueAsync());

        await using var scope2 = app.App.As(ExportApp.Manager);
        var export = (await scope2.Get<ExportHistoryService>().GetAsync(queued))!;
        Assert.Equal(scheduleId, export.ScheduleId);
        Assert.Equal(TestApp.ShownName(ExportApp.Manager), export.RequestedByName);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(today.Year, today.Month, 1)), export.FromUtc);
        Assert.Equal(ChinaTime.ToUtc(firstOfNextMonth), export.ToUtc);
        var job = await app.App.WaitForJobAsync(ExportApp.Manager, export.JobRecordId!.Value);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(ExportApp.People.Length, (await scope2.Get<ExportHistoryService>().GetAsync(queued))!.Rows);

        var schedule = Assert.Single(await scope2.Get<ExportScheduleService>().ListAsync());
        Assert.Equal(ChinaTime.ToUtc(firstOfNextMonth.AddMonths(1).AddHours(8)), schedule.NextRunAtUtc);
    }
}

public sealed class ExportSheetSplitTests(SplitSheetsExportApp app) : IClassFixture<SplitSheetsExportApp>
{
    [Fact]
    public async Task Past_the_configured_rows_per_sheet_the_data_continues_on_the_next_sheet()
    {
        var form = new ExportForm
        {
            Kind = ExportKind.VerificationLedger,
            FromDay = ChinaTime.FromUtc(DateTime.UtcNow).Date.AddDays(-2), ToDay = ChinaTime.FromUtc(DateTime.UtcNow).Date,
        };
        var (queued, _) = await app.ExportAsync(ExportApp.Manager, form);
        using var workbook = new XLWorkbook(new MemoryStream((await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!));

        Assert.Equal(["说明 About", "数据 Data", "数据 Data 2"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(2, workbook.Worksheet(2).RowsUsed().Count() - 1);
        Assert.Equal(1, workbook.Worksheet(3).RowsUsed().Count() - 1);
        Assert.Equal("记录编号 / Record ID", workbook.Worksheet(3).Cell(1, 1).GetString());
        Assert.Contains("2", ExportApp.CoverValue(workbook, "每个工作表行数"));
    }
}
