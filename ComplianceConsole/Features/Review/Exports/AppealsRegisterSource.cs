using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Art. 12: every appeal a platform user made in the period against a review decision, with its due time, how and when it was
/// decided and whether that was within the time limit, as things stood at the end of the period. In order of receipt.
/// </summary>
public sealed class AppealsRegisterSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts, TimeProvider clock) : IExportSource
{
    public const string TimeLimitFilter = "timeLimit", AppealOutcomeFilter = "appealOutcome";

    public ExportKind Kind => ExportKind.Appeals;

    public string Article => "第十二条 / Art. 12";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Appeal.Id", ExportCellType.Code, 12),
        new("Appeal.PlatformAppealId", ExportCellType.Code, 24),
        new("Appeal.CaseNumber", ExportCellType.Code, 12),
        new("Appeal.DecisionId", ExportCellType.Code, 12),
        new("Appeal.AppealedOutcome", ExportCellType.Text, 20),
        new("Appeal.PlatformUser", ExportCellType.Code, 24),
        new("Appeal.SubmittedAt", ExportCellType.DateTime, 20),
        new("Appeal.DueAt", ExportCellType.DateTime, 20),
        new("Appeal.DecidedAt", ExportCellType.DateTime, 20),
        new("Appeal.Outcome", ExportCellType.Text, 16),
        new("Appeal.WithinLimit", ExportCellType.Text, 10),
        new("Appeal.Statement", ExportCellType.Text, 40),
        new("Appeal.DecidedBy", ExportCellType.Text, 18),
        new("Appeal.Note", ExportCellType.Text, 40),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } =
        [ExportFilters.Of<ComplaintTimeLimitResult>(TimeLimitFilter, "ComplaintTimeLimit"), ExportFilters.Of<AppealOutcome>(AppealOutcomeFilter, "AppealOutcome")];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Received(db, request, request.FromUtc, request.AsOf(clock)).LongCountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var asOf = request.AsOf(clock);
        await foreach (var cells in ExportPaging.ReadAsync((cursor, ct) => PageAsync(request, asOf, cursor, ct), row => new ExportCursor(row.ReceivedAtUtc, row.Id),
                           row => Cells(row, asOf), cancellationToken))
        {
            yield return cells;
        }
    }

    private sealed record AppealRow(long Id, string PlatformAppealId, long CaseId, long DecisionId, DecisionOutcome AppealedOutcome, string PlatformUser, DateTime ReceivedAtUtc,
        DateTime DueAtUtc, DateTime? DecidedAtUtc, AppealOutcome? Outcome, string Statement, string? DecidedBy, string? Note);

    private static IQueryable<Appeal> Received(AppDbContext db, ExportRequest request, DateTime from, DateTime asOf)
    {
        var appeals = db.Appeals.AsNoTracking().Where(a => a.ReceivedAtUtc >= from && a.ReceivedAtUtc < request.ToUtc);
        // Decided "before the report's time" only: a decision after the period's end is not yet known to it.
        appeals = ExportFilters.Value<ComplaintTimeLimitResult>(request, TimeLimitFilter) switch
        {
            ComplaintTimeLimitResult.Within => appeals.Where(a => a.DecidedAtUtc < asOf && a.DecidedAtUtc <= a.DueAtUtc),
            ComplaintTimeLimitResult.Late => appeals.Where(a => a.DecidedAtUtc < asOf && a.DecidedAtUtc > a.DueAtUtc),
            ComplaintTimeLimitResult.Overdue => appeals.Where(a => (a.DecidedAtUtc == null || a.DecidedAtUtc >= asOf) && a.DueAtUtc < asOf),
            ComplaintTimeLimitResult.Open => appeals.Where(a => (a.DecidedAtUtc == null || a.DecidedAtUtc >= asOf) && a.DueAtUtc >= asOf),
            _ => appeals,
        };
        if (ExportFilters.Value<AppealOutcome>(request, AppealOutcomeFilter) is { } outcome)
        {
            appeals = appeals.Where(a => a.Outcome == outcome && a.DecidedAtUtc < asOf);
        }
        return appeals;
    }

    private async Task<IReadOnlyList<AppealRow>> PageAsync(ExportRequest request, DateTime asOf, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var appeals = Received(db, request, ExportPaging.Start(request, cursor), asOf);
        if (cursor is not null) appeals = appeals.Where(a => a.ReceivedAtUtc > cursor.At || a.Id > cursor.Id);
        var rows = await appeals.OrderBy(a => a.ReceivedAtUtc).ThenBy(a => a.Id).Take(ExportPaging.PageSize)
            .Join(db.Decisions, a => a.DecisionId, d => d.Id, (a, d) => new { a, d.Outcome })
            .Join(db.PlatformUsers(), x => x.a.PlatformUserId, u => u.Id, (x, u) => new AppealRow(x.a.Id, x.a.PlatformAppealId, x.a.ReviewCaseId, x.a.DecisionId, x.Outcome, u.ExternalId,
                x.a.ReceivedAtUtc, x.a.DueAtUtc, x.a.DecidedAtUtc, x.a.Outcome, x.a.Statement, x.a.DecidedByName, x.a.Note))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)];
    }

    private object?[] Cells(AppealRow row, DateTime asOf)
    {
        var decided = TimeLimitStanding.Seen(row.DecidedAtUtc, asOf) is not null;
        return
        [
            ExportIds.Of(row.Id), row.PlatformAppealId, ExportIds.Of(row.CaseId), ExportIds.Of(row.DecisionId), texts.Code(row.AppealedOutcome, "ReviewOutcome"), row.PlatformUser, row.ReceivedAtUtc, row.DueAtUtc,
            decided ? row.DecidedAtUtc : null, decided && row.Outcome is { } outcome ? texts.Code(outcome, "AppealOutcome") : null,
            TimeLimitStanding.WithinLimit(texts, TimeLimitStanding.Of(row.DueAtUtc, row.DecidedAtUtc, asOf)), row.Statement,
            decided ? row.DecidedBy : null, decided ? row.Note : null,
        ];
    }
}
