using ComplianceConsole.Localization;

namespace ComplianceConsole.Tests.Localization;

/// <summary>Typed dates and times are read with or without seconds; what is no date or time is unreadable, never empty.</summary>
public class TimeTextTests
{
    [Theory]
    [InlineData("2026-12-12T10:00")]
    [InlineData("2026-12-12T10:00:00")] // what Chromium sends once the value has seconds: the bug that emptied every field
    [InlineData("2026-12-12T10:00:00.000")]
    [InlineData("2026-12-12 10:00")]
    [InlineData(" 2026-12-12 10:00:00 ")]
    public void A_date_and_time_is_read_with_or_without_seconds(string text)
    {
        Assert.Equal(TimeTextState.Read, TimeText.ReadDateTime(text, out var value));
        Assert.Equal(new DateTime(2026, 12, 12, 10, 0, 0), value);
        Assert.Equal(DateTimeKind.Unspecified, value!.Value.Kind); // China Standard Time, converted to UTC by the form
    }

    [Fact]
    public void Seconds_are_kept_and_shown_only_when_there_are_some()
    {
        Assert.Equal(TimeTextState.Read, TimeText.ReadDateTime("2026-12-12T10:00:30", out var value));
        Assert.Equal(new DateTime(2026, 12, 12, 10, 0, 30), value);
        Assert.Equal("2026-12-12T10:00:30", TimeText.FormatDateTime(value!.Value));
        Assert.Equal("2026-12-12T10:00", TimeText.FormatDateTime(new DateTime(2026, 12, 12, 10, 0, 0)));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2026-13-12T10:00")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("2026-12-12T25:00")]
    [InlineData("+275760-12-12T10:00")] // a year Chromium accepts and .NET cannot hold
    [InlineData("2026-12-12")]          // a date without its time is no date and time
    [InlineData("12/12/2026 10:00")]
    public void What_is_no_date_and_time_is_unreadable_not_empty(string text)
    {
        Assert.Equal(TimeTextState.Unreadable, TimeText.ReadDateTime(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_is_empty(string? text)
    {
        Assert.Equal(TimeTextState.Empty, TimeText.ReadDateTime(text, out var value));
        Assert.Null(value);
        Assert.Equal(TimeTextState.Empty, TimeText.ReadDate(text, out _));
        Assert.Equal(TimeTextState.Empty, TimeText.ReadTime(text, out _));
    }

    [Fact]
    public void Days_and_times_of_day_are_read_and_refused_alike()
    {
        Assert.Equal(TimeTextState.Read, TimeText.ReadDate("2026-12-12", out var day));
        Assert.Equal(new DateTime(2026, 12, 12), day);
        Assert.Equal(TimeTextState.Unreadable, TimeText.ReadDate("2026-12-32", out day));
        Assert.Null(day);
        Assert.Equal(TimeTextState.Unreadable, TimeText.ReadDate("下周一", out _));

        Assert.Equal(TimeTextState.Read, TimeText.ReadTime("09:30", out var time));
        Assert.Equal(new TimeSpan(9, 30, 0), time);
        Assert.Equal(TimeTextState.Read, TimeText.ReadTime("09:30:15", out time));
        Assert.Equal(new TimeSpan(9, 30, 15), time);
        Assert.Equal(TimeTextState.Unreadable, TimeText.ReadTime("24:00", out time));
        Assert.Null(time);
        Assert.Equal(TimeTextState.Unreadable, TimeText.ReadTime("9点半", out _));
    }
}
