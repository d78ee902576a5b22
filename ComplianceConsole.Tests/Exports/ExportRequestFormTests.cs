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
        public IReadOnlyList<ExportFilter> Filters => [];
        public Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) => Task.FromResult(0L);
        public IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, CancellationToken cancellationToken) => AsyncEnumerable.Empty<object?[]>();
    }

    public ExportRequestFormTests() => SignInWithRoles(Roles.Manager);

    private (IRenderedComponent<ExportRequestForm> Form, List<ExportForm> Submitted) Render(ExportKind? kind, bool mayUnmask)
    {
        var submitted = new List<ExportForm>();
        var form = Render<ExportRequestForm>(p => p
            .Add(f => f.Sources, [new FakeSource()])
            .Add(f => f.NowUtc, Now)
            .Add(f => f.MayUnmask, mayUnmask)
            .Add(f => f.InitialKind, kind)
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
}
