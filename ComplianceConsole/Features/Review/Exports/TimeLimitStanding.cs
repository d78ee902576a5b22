using ComplianceConsole.Features.Exports;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Where an appeal or a regulator's notice stood against its time limit at the time a report stands at (<see cref="ExportPeriod.AsOf"/>):
/// handling after that time is not yet seen, so a past period's register says what was true at its end, whenever it is exported.
/// </summary>
internal static class TimeLimitStanding
{
    public static DateTime? Seen(DateTime? handledAtUtc, DateTime asOfUtc) => handledAtUtc < asOfUtc ? handledAtUtc : null;

    public static ComplaintTimeLimitResult Of(DateTime dueAtUtc, DateTime? handledAtUtc, DateTime asOfUtc) => Seen(handledAtUtc, asOfUtc) switch
    {
        { } handled => handled <= dueAtUtc ? ComplaintTimeLimitResult.Within : ComplaintTimeLimitResult.Late,
        null => dueAtUtc < asOfUtc ? ComplaintTimeLimitResult.Overdue : ComplaintTimeLimitResult.Open,
    };

    /// <summary>是 / Yes within the limit, 否 / No late or overdue, empty while still open.</summary>
    public static string? WithinLimit(ExportTexts texts, ComplaintTimeLimitResult result) => result switch
    {
        ComplaintTimeLimitResult.Within => texts.Bilingual("Common.Yes"),
        ComplaintTimeLimitResult.Open => null,
        _ => texts.Bilingual("Common.No"),
    };
}
