using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// The columns every review register gives a decision (Art. 10-12): its case, when its first flag came in, when it was due (the
/// earliest due time of its flags), when it was decided, how long that took in hours and whether it was within the time limit.
/// Read from the flags the decision recorded (<see cref="DecisionFlag"/>), so a later flag on the case never changes them.
/// </summary>
internal sealed record DecisionTimes(long CaseId, DateTime DecidedAtUtc, DateTime? FirstReceivedAtUtc, DateTime? DueAtUtc)
{
    public static IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Review.CaseId", ExportCellType.Code, 12),
        new("Review.FirstReceivedAt", ExportCellType.DateTime, 20),
        new("Review.DueAt", ExportCellType.DateTime, 20),
        new("Review.DecidedAt", ExportCellType.DateTime, 20),
        new("Review.HandlingHours", ExportCellType.Number, 14),
        new("Review.WithinTimeLimit", ExportCellType.Text, 12),
    ];

    /// <summary>The times of the decisions named, by decision id: one query.</summary>
    public static async Task<Dictionary<long, DecisionTimes>> ForAsync(AppDbContext db, IEnumerable<long> decisionIds, CancellationToken cancellationToken)
    {
        var ids = decisionIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new
            {
                d.Id,
                Times = new DecisionTimes(d.ReviewCaseId, d.DecidedAtUtc,
                    db.DecisionFlags.Where(f => f.DecisionId == d.Id).Min(f => (DateTime?)f.ReceivedAtUtc),
                    db.DecisionFlags.Where(f => f.DecisionId == d.Id).Min(f => (DateTime?)f.DueAtUtc)),
            })
            .ToDictionaryAsync(x => x.Id, x => x.Times, cancellationToken);
    }

    /// <summary>The cells of <see cref="Columns"/>; all empty when there is no decision.</summary>
    public static object?[] Cells(DecisionTimes? times, ExportTexts texts) => times is null
        ? new object?[Columns.Count]
        :
        [
            times.CaseId.ToString(), times.FirstReceivedAtUtc, times.DueAtUtc, times.DecidedAtUtc,
            times.FirstReceivedAtUtc is { } first ? Math.Round((decimal)(times.DecidedAtUtc - first).TotalHours, 2, MidpointRounding.AwayFromZero) : null,
            times.DueAtUtc is { } due ? texts.YesNo(!DecisionRecordRules.IsLate(times.DecidedAtUtc, due)) : null,
        ];
}
