namespace ComplianceConsole.Features.Review;

/// <summary>Why an appeal was decided as it was: each reason belongs to one outcome.</summary>
public sealed record AppealReason(string Code, AppealOutcome Outcome)
{
    /// <summary>The localisation key of its name.</summary>
    public string NameKey => $"AppealReason.{Code}";
}

public static class AppealReasons
{
    public static readonly IReadOnlyList<AppealReason> All =
    [
        new("violation_confirmed", AppealOutcome.Upheld),
        new("measure_proportionate", AppealOutcome.Upheld),
        new("new_evidence", AppealOutcome.Overturned),
        new("misjudged", AppealOutcome.Overturned),
        new("measure_disproportionate", AppealOutcome.Overturned),
        new("procedural_error", AppealOutcome.Overturned),
    ];

    public static IEnumerable<AppealReason> For(AppealOutcome outcome) => All.Where(r => r.Outcome == outcome);

    public static AppealReason? Find(string? code) => All.FirstOrDefault(r => r.Code == code);
}
