using System.Globalization;
using ComplianceConsole.Data;

namespace ComplianceConsole.Tests.Database;

/// <summary>A time stored as text is read digit by digit exactly as <see cref="DateTime.Parse(string)"/> reads it, and an unexpected shape is left to it.</summary>
public sealed class StoredTimesTests
{
    [Theory]
    [InlineData("2024-12-06 09:07:50.6383538")]
    [InlineData("2024-12-06 08:54:49.828717")]
    [InlineData("2024-12-06 08:54:49.8")]
    [InlineData("2024-02-29 23:59:59")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59.9999999")]
    public void A_time_in_the_stored_shape_reads_as_DateTime_Parse_reads_it(string text) =>
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), StoredTimes.Parse(text));

    [Theory]
    [InlineData("2024-12-06T09:07:50")]
    [InlineData("2024-12-06 09:07:50Z")]
    [InlineData("2024-12-06 09:07:50.")]
    [InlineData("2024-12-06 09:07:50.12345678")]
    [InlineData("2023-02-29 00:00:00")]
    [InlineData("2024-12-06 24:00:00")]
    [InlineData("2024-12-06")]
    public void Any_other_text_is_left_to_the_provider(string text) => Assert.Null(StoredTimes.Parse(text));
}
