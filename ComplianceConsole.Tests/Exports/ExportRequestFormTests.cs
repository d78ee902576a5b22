using Bunit;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Pages;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Shell;

namespace ComplianceConsole.Tests.Exports;

/// <summary>The export form checks what the person asked for before anything is queued.</summary>
public sealed class ExportRequestFormTests : ShellTestContext
{
    private static readonly DateTime Now = new(2026, 3, 15, 4, 0, 0, DateTimeKind.Utc);

    private sealed class FakeSource : IExportSource
    {
        public ExportKind Kind => ExportKind.StaffAuditLog;
        public string Article => "Art. 7";
        public IReadOnlyList<ExportColumn> Columns => [];
        public IReadOnlyList<ExportFilter> Filters => [new("timeLimit", [new("Late", "ExportFilter.TimeLimit.Late"), new("OnTime", "ExportFilter.TimeLimit.OnTime")])];
        public Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) => Task.FromResult(0L);
        public IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, CancellationToken cancellationToken) => AsyncEnumerable.Empty<object?[]>();
    }

    public ExportRequestFormTests() => SignInWithRoles(Roles.Manager);

    private (IRenderedComponent<ExportRequestForm> Form, List<ExportForm> Submitted) Render(ExportKind? kind, bool mayUnmask) =>
        Render(new ExportForm { Kind = kind }, mayUnmask);

    private (IRenderedComponent<ExportRequestForm> Form, List<ExportForm> Submitted) Render(ExportForm initial, bool mayUnmask)
    {
        var submitted = new List<ExportForm>();
        var form = Render<ExportRequestForm>(p => p
            .Add(f => f.Sources, [new FakeSource()])
            .Add(f => f.NowUtc, Now)
            .Add(f => f.MayUnmask, mayUnmask)
            .Add(f => f.Initial, initial)
            .Add(f => f.OnSubmit, (ExportForm f) => submitted.Add(f)));
        Render<MudBlazor.MudPopoverProvider>();
        return (form, submitted);
    }

    [Fact]
    public void Without_a_kind_nothing_is_queued_and_the_kind_is_asked_for()
    {
        var (form, submitted) = Render(kind: null, mayUnmask: false);
        form.Find("#export-submit").Click();

        // The form validates asynchronously (MudForm): the messages appear after the click's render, not within it.
        form.WaitForAssertion(() => Assert.Contains("请选择报表类型。", form.Markup));
        Assert.Empty(submitted);
    }

    [Fact]
    public void An_unmasked_export_needs_a_reason()
    {
        var (form, submitted) = Render(ExportKind.StaffAuditLog, mayUnmask: true);
        form.Find("input[type=checkbox]").Change(true);
        form.Find("#export-submit").Click();

        form.WaitForAssertion(() => Assert.Contains("请填写原因（至少 5 个字）。", form.Markup));
        Assert.Contains("未脱敏的导出含有敏感个人信息", form.Markup);
        Assert.Empty(submitted);
    }

    [Fact]
    public void A_complete_form_is_submitted_for_last_month_in_China_time_masked()
    {
        var (form, submitted) = Render(ExportKind.StaffAuditLog, mayUnmask: false);
        Assert.Empty(form.FindAll("input[type=checkbox]"));
        form.Find("#export-submit").Click();

        form.WaitForAssertion(() => Assert.Single(submitted));
        var sent = submitted[0];
        Assert.Equal(ExportKind.StaffAuditLog, sent.Kind);
        Assert.Equal(new DateTime(2026, 2, 1), sent.FromDay);
        Assert.Equal(new DateTime(2026, 2, 28), sent.ToDay);
        Assert.False(sent.Unmasked);
    }

    [Fact]
    public void A_link_from_a_dashboard_tile_opens_the_form_with_its_period_and_filter_and_drops_what_the_kind_does_not_offer()
    {
        var link = ExportLink.For(ExportKind.StaffAuditLog, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ("timeLimit", "Late"), ("outcome", "Removed"));
        var (form, submitted) = Render(ExportLink.Read("https://console.example/" + link, [new FakeSource()]), mayUnmask: false);
        form.Find("#export-submit").Click();

        form.WaitForAssertion(() => Assert.Single(submitted));
        var sent = submitted[0];
        Assert.Equal(ExportKind.StaffAuditLog, sent.Kind);
        Assert.Equal(new DateTime(2026, 11, 1), sent.FromDay);
        Assert.Equal(new DateTime(2026, 11, 30), sent.ToDay);
        Assert.Equal(new Dictionary<string, string> { ["timeLimit"] = "Late" }, sent.Filters);
    }

    [Theory]
    [InlineData("exports?kind=StaffAuditLog&from=2026-11-30&to=2026-11-01")]
    [InlineData("exports?kind=StaffAuditLog&from=30/11/2026&to=2026-11-30")]
    public void A_link_with_a_period_that_cannot_be_read_opens_the_form_on_last_month(string link)
    {
        var (form, submitted) = Render(ExportLink.Read("https://console.example/" + link, [new FakeSource()]), mayUnmask: false);
        form.Find("#export-submit").Click();

        form.WaitForAssertion(() => Assert.Single(submitted));
        Assert.Equal(new DateTime(2026, 2, 1), submitted[0].FromDay);
        Assert.Equal(new DateTime(2026, 2, 28), submitted[0].ToDay);
    }

    [Fact]
    public void A_link_to_a_kind_not_offered_leaves_the_kind_and_its_filters_to_choose()
    {
        var form = ExportLink.Read("https://console.example/exports?kind=NoSuchKind&from=2026-11-01&to=2026-11-30&filter.timeLimit=Late", [new FakeSource()]);

        Assert.Null(form.Kind);
        Assert.Empty(form.Filters);
        Assert.Equal((new DateTime(2026, 11, 1), new DateTime(2026, 11, 30)), (form.FromDay!.Value, form.ToDay!.Value));
    }
}
