namespace ComplianceConsole.Features.Verification;

/// <summary>
/// The indexes the records grid seeks, one for each leading filter on each time axis, and which one a query uses.
/// Every grid query names its index (SQLite <c>INDEXED BY</c>): the planner has no statistics, so it cannot know that
/// duplicates are rare or a decider is selective, and a wrong guess walked a million rows.
/// The filters that lead the index are the most selective ones present; the others are checked on the index walk
/// (the duplicate index carries them, so they are checked without reading the table).
/// </summary>
internal static class VerificationGridIndexes
{
    public enum Lead { None, Status, Method, StatusMethod, Duplicate, Decider, DeciderStatus, DeciderMethod }

    /// <summary>Time axis of the decided sort: only decided records are in its indexes (submissions arrive pending, so they cost nothing there).</summary>
    public const string DecidedFilter = "\"DecidedAtUtc\" IS NOT NULL";

    public sealed record Definition(Lead Lead, bool DecidedAxis, string[] Columns, string? Filter)
    {
        public string Name => "IX_VerificationRecords_" + string.Join('_', Columns);
    }

    public static readonly IReadOnlyList<Definition> All =
    [
        .. Enum.GetValues<Lead>().Select(lead => Define(lead, decidedAxis: false)),
        .. Enum.GetValues<Lead>().Select(lead => Define(lead, decidedAxis: true)),
    ];

    public static Lead LeadFor(VerificationFilter filter) => filter switch
    {
        { DuplicatesOnly: true } => Lead.Duplicate,
        { DecidedBy: { Length: > 0 }, Status: not null } => Lead.DeciderStatus,
        { DecidedBy: { Length: > 0 }, Method: not null } => Lead.DeciderMethod,
        { DecidedBy: { Length: > 0 } } => Lead.Decider,
        { Status: not null, Method: not null } => Lead.StatusMethod,
        { Status: not null } => Lead.Status,
        { Method: not null } => Lead.Method,
        _ => Lead.None,
    };

    public static Definition For(VerificationFilter filter, bool decidedAxis) =>
        All.Single(d => d.Lead == LeadFor(filter) && d.DecidedAxis == decidedAxis);

    private static Definition Define(Lead lead, bool decidedAxis)
    {
        var time = decidedAxis ? nameof(VerificationRecord.DecidedAtUtc) : nameof(VerificationRecord.SubmittedAtUtc);
        string[] leading = lead switch
        {
            Lead.Status => [nameof(VerificationRecord.Status)],
            Lead.Method => [nameof(VerificationRecord.Method)],
            Lead.StatusMethod => [nameof(VerificationRecord.Status), nameof(VerificationRecord.Method)],
            Lead.Duplicate => [nameof(VerificationRecord.IsDuplicate)],
            Lead.Decider => [nameof(VerificationRecord.DecidedBy)],
            Lead.DeciderStatus => [nameof(VerificationRecord.DecidedBy), nameof(VerificationRecord.Status)],
            Lead.DeciderMethod => [nameof(VerificationRecord.DecidedBy), nameof(VerificationRecord.Method)],
            _ => [],
        };
        // Columns checked on the walk without reading the table: a few thousand duplicates read row by row took 50 ms.
        string[] carried = lead switch
        {
            Lead.Duplicate => [nameof(VerificationRecord.Status), nameof(VerificationRecord.Method), nameof(VerificationRecord.DecidedBy)],
            Lead.DeciderStatus => [nameof(VerificationRecord.Method)],
            _ => [],
        };
        var filter = decidedAxis ? DecidedFilter : leading.Contains(nameof(VerificationRecord.DecidedBy)) ? "\"DecidedBy\" IS NOT NULL" : null;
        return new Definition(lead, decidedAxis, [.. leading, time, nameof(VerificationRecord.Id), .. carried], filter);
    }
}
