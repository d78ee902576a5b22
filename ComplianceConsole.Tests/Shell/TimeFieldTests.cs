using Bunit;
using ComplianceConsole.Common;
using ComplianceConsole.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ComplianceConsole.Tests.Shell;

/// <summary>
/// The date, time and date-time fields every form uses: a value with or without seconds is read, a text that is no date or time
/// is refused under the field (in Chinese) and keeps its form from saving, and is never turned into an empty value.
/// </summary>
public sealed class TimeFieldTests : ShellTestContext
{
    private readonly UnreadableFields _unreadable = new();
    private readonly List<DateTime?> _dateTimes = [];

    private IRenderedComponent<DateTimeField> RenderDateTime(DateTime? value = null) => Render<DateTimeField>(p => p
        .Add(f => f.Id, "sanction-end")
        .Add(f => f.Value, value)
        .Add(f => f.ValueChanged, (DateTime? v) => _dateTimes.Add(v))
        .Add(f => f.Unreadable, _unreadable));

    [Theory]
    [InlineData("2026-12-12T10:00")]
    [InlineData("2026-12-12T10:00:00")]
    public void A_date_and_time_the_browser_sends_with_or_without_seconds_is_kept(string sent)
    {
        var field = RenderDateTime();
        field.Find("#sanction-end").Change(sent);

        Assert.Equal([new DateTime(2026, 12, 12, 10, 0, 0)], _dateTimes);
        Assert.False(_unreadable.Any);
        Assert.DoesNotContain("无法识别", field.Markup);
    }

    [Fact]
    public void A_text_that_is_no_date_and_time_is_refused_under_the_field_and_the_value_is_not_emptied()
    {
        var field = RenderDateTime(new DateTime(2026, 12, 1, 9, 0, 0));
        Assert.Equal("2026-12-01T09:00", field.Find("#sanction-end").GetAttribute("value"));

        field.Find("#sanction-end").Change("2026-12-12T10:00:00 下午");

        Assert.Empty(_dateTimes); // nothing sent on: not null, not a guess
        Assert.True(_unreadable.Contains("sanction-end"));
        Assert.Contains("无法识别的日期时间", field.Find("#sanction-end-unreadable").TextContent);
        Assert.Equal("true", field.Find("#sanction-end").GetAttribute("aria-invalid"));

        field.Find("#sanction-end").Change("2026-12-12T10:00");
        Assert.Equal([new DateTime(2026, 12, 12, 10, 0, 0)], _dateTimes);
        Assert.False(_unreadable.Any);
        Assert.Empty(field.FindAll("#sanction-end-unreadable"));
    }

    [Fact]
    public void Emptying_the_field_empties_the_value_and_a_field_that_goes_away_no_longer_holds_its_form_back()
    {
        var field = RenderDateTime(new DateTime(2026, 12, 1, 9, 0, 0));
        field.Find("#sanction-end").Change("");
        Assert.Equal([null], _dateTimes);

        field.Find("#sanction-end").Change("garbage");
        Assert.True(_unreadable.Any);
        field.Instance.Dispose();
        Assert.False(_unreadable.Any);
    }

    /// <summary>A page holding one field with two-way binding, as the app's forms do.</summary>
    private sealed class Host<TField, TValue> : ComponentBase where TField : IComponent
    {
        [Parameter] public string Id { get; set; } = "";
        [Parameter] public string Name { get; set; } = "";
        [Parameter] public TValue? Value { get; set; }
        [Parameter] public UnreadableFields Unreadable { get; set; } = default!;
        [Parameter] public bool Clearable { get; set; }
        public List<TValue?> Changes { get; } = [];

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<TField>(0);
            builder.AddAttribute(1, "Id", Id);
            builder.AddAttribute(2, Name, Value);
            builder.AddAttribute(3, Name + "Changed", EventCallback.Factory.Create<TValue?>(this, v => { Value = v; Changes.Add(v); }));
            builder.AddAttribute(4, "Unreadable", Unreadable);
            if (Clearable) builder.AddAttribute(5, "Clearable", true);
            builder.CloseComponent();
        }
    }

    private IRenderedComponent<Host<DateField, DateTime?>> RenderDay(string id, bool clearable = false)
    {
        var host = Render<Host<DateField, DateTime?>>(p => p.Add(h => h.Id, id).Add(h => h.Name, "Date").Add(h => h.Value, new DateTime(2026, 1, 5))
            .Add(h => h.Unreadable, _unreadable).Add(h => h.Clearable, clearable));
        host.Instance.Changes.Clear();
        return host;
    }

    [Fact]
    public void A_typed_day_is_read_and_a_day_that_is_no_date_is_refused_not_emptied()
    {
        var host = RenderDay("filing-date");
        var input = () => host.Find("#filing-date input, input#filing-date");

        input().Change("2026-12-12");
        Assert.Equal([new DateTime(2026, 12, 12)], host.Instance.Changes);
        Assert.False(_unreadable.Any);

        input().Change("2026-12-32");
        Assert.Equal([new DateTime(2026, 12, 12)], host.Instance.Changes); // not emptied, not put back either
        Assert.True(_unreadable.Contains("filing-date"));
        host.WaitForAssertion(() => Assert.Contains("无法识别的日期", host.Markup));
        Assert.Equal("2026-12-32", input().GetAttribute("value")); // what the person typed stays for them to correct

        input().Change("");
        Assert.Null(host.Instance.Changes.Last()); // typed away: now it is empty
        Assert.False(_unreadable.Any);
        host.WaitForAssertion(() => Assert.DoesNotContain("无法识别的日期", host.Markup));
    }

    [Fact]
    public void A_cleared_day_is_empty()
    {
        var host = RenderDay("consent-until", clearable: true);
        host.Find(".mud-input-clear-button").Click();
        Assert.Equal([null], host.Instance.Changes);
    }

    [Fact]
    public void A_typed_time_of_day_is_read_with_or_without_seconds_and_a_time_that_is_none_is_refused()
    {
        var host = Render<Host<TimeField, TimeSpan?>>(p => p.Add(h => h.Id, "schedule-time").Add(h => h.Name, "Time").Add(h => h.Value, TimeSpan.FromHours(8))
            .Add(h => h.Unreadable, _unreadable));
        var input = () => host.Find("#schedule-time input, input#schedule-time");

        input().Change("09:30");
        Assert.Equal(new TimeSpan(9, 30, 0), host.Instance.Value);
        input().Change("21:45:00");
        Assert.Equal(new TimeSpan(21, 45, 0), host.Instance.Value);

        input().Change("25:99");
        Assert.Equal(new TimeSpan(21, 45, 0), host.Instance.Value);
        Assert.DoesNotContain(null, host.Instance.Changes);
        Assert.True(_unreadable.Contains("schedule-time"));
        host.WaitForAssertion(() => Assert.Contains("无法识别的时间", host.Markup));
    }
}
