using System.Runtime.CompilerServices;
using ComplianceConsole.Features.Exports;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Art. 12: how often users appealed and how often an appeal overturned the decision, by the reason code of the decisions
/// in the period: decisions that found a violation, appeals against them, appeals decided and overturned, and the two rates.
/// Counted by <see cref="AppealStatistics"/> in the database; one row per reason code, in code order. Each figure counts what happened in
/// the period (decided, appeal received, appeal decided in it), so a closed period's rates never change: a later appeal is counted in its own period.
/// </summary>
public sealed class AppealRatesSource(AppealStatistics statistics) : IExportSource
{
    public ExportKind Kind => ExportKind.AppealRates;

    public string Article => "第十二条 / Art. 12";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Review.ReasonCode", ExportCellType.Code, 22),
        new("Review.Article", ExportCellType.Code, 10),
        new("Appeals.Decisions", ExportCellType.Integer, 14),
        new("Appeals.Received", ExportCellType.Integer, 12),
        new("Appeals.AppealRate", ExportCellType.Number, 12),
        new("Appeals.Decided", ExportCellType.Integer, 12),
        new("Appeals.Overturned", ExportCellType.Integer, 12),
        new("Appeals.OverturnRate", ExportCellType.Number, 12),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken) =>
        (await statistics.ForPeriodAsync(request.FromUtc, request.ToUtc, cancellationToken)).ByReason.Count;

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var figures = await statistics.ForPeriodAsync(request.FromUtc, request.ToUtc, cancellationToken);
        foreach (var reason in figures.ByReason.OrderBy(r => r.ReasonCode, StringComparer.Ordinal))
        {
            yield return [reason.ReasonCode, ReviewReasonCodes.Find(reason.ReasonCode)?.Article, reason.Decisions, reason.Appeals, Rate(reason.AppealRate),
                reason.Decided, reason.Overturned, Rate(reason.OverturnRate)];
        }
    }

    // Rates as fractions to four places, so the same data always writes the same cell.
    private static decimal? Rate(double? rate) => rate is { } r ? Math.Round((decimal)r, 4) : null;
}
