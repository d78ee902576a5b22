namespace ComplianceConsole.Features.Exports;

internal static class ExportPeriod
{
    /// <summary>
    /// The time a report stands at: the end of its period, or now while the period runs. What is unanswered is overdue against
    /// it, so a past period's report is the same whenever it is exported.
    /// </summary>
    public static DateTime AsOf(this ExportRequest request, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return request.ToUtc < now ? request.ToUtc : now;
    }
}
