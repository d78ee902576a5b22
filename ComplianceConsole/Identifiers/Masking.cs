namespace ComplianceConsole.Identifiers;

/// <summary>How personal data is shown when it is not revealed: enough to tell records apart, never enough to use.</summary>
public static class Masking
{
    // Two-character surnames, so that 欧阳娜娜 shows as 欧阳** rather than 欧***.
    private static readonly HashSet<string> CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐",
        "端木", "独孤", "南宫", "西门", "百里", "呼延", "轩辕", "万俟", "闻人", "澹台", "太史", "申屠", "钟离", "赫连",
    ];

    private const int MaxNameStars = 8;

    public static string ResidentId(string value) => Keep(value, 6, 4);

    public static string CreditCode(string value) => Keep(value, 4, 4);

    public static string Mobile(string value) => Keep(value, 3, 4);

    /// <summary>An e-mail address by its first character and its domain: <c>z***@example.cn</c>.</summary>
    public static string Email(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 ? $"{value[0]}***{value[at..]}" : Token(value);
    }

    // Tokens vary in length; a fixed run of stars keeps the length to itself.
    public static string Token(string value) => value.Length > 12 ? $"{value[..4]}****{value[^4..]}" : "********";

    public static string Name(string value)
    {
        if (value.Length <= 1) return value.Length == 0 ? "" : "*";
        var kept = value.Length >= 3 && CompoundSurnames.Contains(value[..2]) ? 2 : 1;
        // A name's length is shown up to a point; past it (a pasted paragraph) the stars stop, so nothing stretches.
        return value[..kept] + new string('*', Math.Min(value.Length - kept, MaxNameStars));
    }

    private static string Keep(string value, int head, int tail) =>
        value.Length <= head + tail ? new string('*', value.Length) : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
