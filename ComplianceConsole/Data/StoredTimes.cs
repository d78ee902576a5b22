using System.Data.Common;

namespace ComplianceConsole.Data;

/// <summary>
/// Reads a time column as EF Core stores and reads it (UTC, <see cref="UtcDateTimeConverter"/>) straight from a data reader, for a
/// read that bypasses EF's materializer. SQLite keeps a time as text, <c>yyyy-MM-dd HH:mm:ss</c> with up to seven fraction
/// digits, and its reader's <c>GetDateTime</c> parses that with <see cref="DateTime.Parse(string)"/>, which a million-row ledger
/// export called two million times. That shape is read digit by digit here; any other text, and every other provider, goes
/// through <c>GetDateTime</c>.
/// </summary>
internal static class StoredTimes
{
    public static DateTime Utc(DbDataReader reader, int ordinal, bool storedAsText) =>
        DateTime.SpecifyKind(storedAsText && Parse(reader.GetString(ordinal)) is { } time ? time : reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static DateTime? NullableUtc(DbDataReader reader, int ordinal, bool storedAsText) =>
        reader.IsDBNull(ordinal) ? null : Utc(reader, ordinal, storedAsText);

    internal static DateTime? Parse(string text)
    {
        if (text.Length is < 19 or 20 or > 27 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || (text.Length > 19 && text[19] != '.'))
        {
            return null;
        }
        if (Number(text, 0, 4) is not { } year || Number(text, 5, 2) is not { } month || Number(text, 8, 2) is not { } day
            || Number(text, 11, 2) is not { } hour || Number(text, 14, 2) is not { } minute || Number(text, 17, 2) is not { } second
            || Number(text, 20, FractionDigits(text)) is not { } fraction
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }
        for (var digits = FractionDigits(text); digits < 7; digits++) fraction *= 10;
        return new DateTime(year, month, day, hour, minute, second).AddTicks(fraction);
    }

    private static int FractionDigits(string text) => Math.Max(0, text.Length - 20);

    private static int? Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return null;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }
}
