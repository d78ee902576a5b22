using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Art. 10: every sanction imposed in the period on a platform user: what, from when until when, lifted when and why, the
/// reason and its article, and the decision (its case and times) and content that imposed it, by whom. In order of imposition.
/// A snapshot as of the period's end: a lift shows only when it happened before the period ended (a later lift is in the
/// register of its own period, on the content handling record), so a closed period's register never changes.
/// </summary>
public sealed class SanctionsRegisterSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public ExportKind Kind => ExportKind.SanctionsRegister;

    public string Article => "第十条 / Art. 10";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Sanction.Id", ExportCellType.Code, 12),
        new("Sanction.PlatformUser", ExportCellType.Code, 20),
        new("Sanction.Kind", ExportCellType.Text, 20),
        new("Sanction.StartsAt", ExportCellType.DateTime, 20),
        new("Sanction.EndsAt", ExportCellType.DateTime, 20),
        new("Sanction.LiftedAt", ExportCellType.DateTime, 20),
        new("Sanction.LiftedBy", ExportCellType.Text, 18),
        new("Sanction.LiftReason", ExportCellType.Text, 30),
        new("Review.ReasonCode", ExportCellType.Code, 22),
        new("Review.Article", ExportCellType.Code, 10),
        new("Review.Note", ExportCellType.Text, 40),
        new("Review.DecisionId", ExportCellType.Code, 12),
        .. DecisionTimes.Columns,
        new("Review.ContentId", ExportCellType.Code, 28),
        new("Sanction.ImposedBy", ExportCellType.Text, 18),
        new("Sanction.ImposedAt", ExportCellType.DateTime, 20),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<SanctionKind>(ReviewExportFilters.SanctionKind, "SanctionKind")];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Imposed(db, request, request.FromUtc).LongCountAsync(cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, CancellationToken cancellationToken) =>
        ExportPaging.ReadAsync((cursor, ct) => PageAsync(request, cursor, ct), row => new ExportCursor(row.ImposedAtUtc, row.Id), Cells, cancellationToken);

    private sealed record SanctionRow(long Id, string PlatformUser, SanctionKind Kind, DateTime StartsAtUtc, DateTime? EndsAtUtc, DateTime? LiftedAtUtc,
        string? LiftedBy, string? LiftReason, string ReasonCode, string? Note, long? DecisionId, string? ContentId, string ImposedBy, DateTime ImposedAtUtc)
    {
        public DecisionTimes? Times { get; set; }
    }

    private static IQueryable<Sanction> Imposed(AppDbContext db, ExportRequest request, DateTime from)
    {
        var sanctions = db.Sanctions.AsNoTracking().Where(s => s.ImposedAtUtc >= from && s.ImposedAtUtc < request.ToUtc);
        return ExportFilters.Value<SanctionKind>(request, ReviewExportFilters.SanctionKind) is { } kind ? sanctions.Where(s => s.Kind == kind) : sanctions;
    }

    private async Task<IReadOnlyList<SanctionRow>> PageAsync(ExportRequest request, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sanctions = Imposed(db, request, ExportPaging.Start(request, cursor));
        if (cursor is not null)
        {
            sanctions = sanctions.Where(s => s.ImposedAtUtc > cursor.At || s.Id > cursor.Id);
        }
        var rows = await sanctions.OrderBy(s => s.ImposedAtUtc).ThenBy(s => s.Id).Take(ExportPaging.PageSize)
            .Join(db.PlatformUsers(), s => s.PlatformUserId, u => u.Id, (s, u) => new { s, User = u.ExternalId })
            .GroupJoin(db.ReviewCases, x => x.s.ReviewCaseId, c => c.Id, (x, cases) => new { x.s, x.User, cases })
            .SelectMany(x => x.cases.DefaultIfEmpty(), (x, c) => new SanctionRow(x.s.Id, x.User, x.s.Kind, x.s.StartsAtUtc, x.s.EndsAtUtc, x.s.LiftedAtUtc,
                x.s.LiftedByName, x.s.LiftReason, x.s.ReasonCode, x.s.Note, x.s.DecisionId, c == null ? null : c.ContentItem.ExternalId, x.s.ImposedByName, x.s.ImposedAtUtc))
            .ToListAsync(cancellationToken);
        var times = await DecisionTimes.ForAsync(db, rows.Select(r => r.DecisionId).OfType<long>(), cancellationToken);
        foreach (var row in rows) row.Times = row.DecisionId is { } id ? times.GetValueOrDefault(id) : null;
        // A lift after the period ended belongs to a later period.
        return [.. rows.Select(r => r.LiftedAtUtc < request.ToUtc ? r : r with { LiftedAtUtc = null, LiftedBy = null, LiftReason = null })
            .OrderBy(r => r.ImposedAtUtc).ThenBy(r => r.Id)];
    }

    private object?[] Cells(SanctionRow row) =>
    [
        row.Id.ToString(), row.PlatformUser, texts.Code(row.Kind), row.StartsAtUtc, row.EndsAtUtc, row.LiftedAtUtc, row.LiftedBy, row.LiftReason,
        row.ReasonCode, ReviewReasonCodes.Find(row.ReasonCode)?.Article, row.Note, row.DecisionId?.ToString(), .. DecisionTimes.Cells(row.Times, texts),
        row.ContentId, row.ImposedBy, row.ImposedAtUtc,
    ];
}
