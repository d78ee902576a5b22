using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Art. 12: every user complaint received in the period, with its due time, when and how the complainant was answered, whether
/// that was within the time limit or late and by how much, and the decision that handled it (its case and times, its outcome).
/// The complainant's contact is masked unless the request is unmasked. In order of receipt. A snapshot as of the period's end: an
/// answer recorded later, or a decision made later, is not shown (the complaint stands open or overdue as it did then), so a closed
/// period's register never changes.
/// </summary>
public sealed class ComplaintsRegisterSource(IDbContextFactory<AppDbContext> contextFactory, PiiProtector pii, TimeProvider clock, ExportTexts texts) : IExportSource
{
    public const string ResultFilter = "timeLimit";

    public ExportKind Kind => ExportKind.ComplaintsRegister;

    public string Article => "第十二条 / Art. 12";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Complaint.FlagId", ExportCellType.Code, 12),
        new("Complaint.ExternalId", ExportCellType.Code, 24),
        new("Review.ContentId", ExportCellType.Code, 28),
        new("Complaint.ReceivedAt", ExportCellType.DateTime, 20),
        new("Complaint.Reason", ExportCellType.Text, 40),
        new("Complaint.Contact", ExportCellType.Code, 24),
        new("Complaint.DueAt", ExportCellType.DateTime, 20),
        new("Complaint.AnsweredAt", ExportCellType.DateTime, 20),
        new("Complaint.Answer", ExportCellType.Text, 40),
        new("Complaint.AnsweredBy", ExportCellType.Text, 18),
        new("Complaint.TimeLimit", ExportCellType.Text, 16),
        new("Complaint.LateByHours", ExportCellType.Number, 12),
        new("Complaint.LateByWorkingDays", ExportCellType.Integer, 12),
        new("Review.DecisionId", ExportCellType.Code, 12),
        .. DecisionTimes.Columns,
        new("Review.Outcome", ExportCellType.Text, 20),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } =
        [ExportFilters.Of<ComplaintTimeLimitResult>(ResultFilter, "ComplaintTimeLimit"), ExportFilters.Of<DecisionOutcome>(ReviewExportFilters.Outcome, "ReviewOutcome")];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Received(db, request, request.FromUtc, request.AsOf(clock)).LongCountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TimeLimits limits;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken)) limits = await TimeLimits.LoadAsync(db, cancellationToken);
        var asOf = request.AsOf(clock);
        var unit = limits.For(FlagSource.UserComplaint).Unit;
        await foreach (var cells in ExportPaging.ReadAsync((cursor, ct) => PageAsync(request, asOf, cursor, ct), row => new ExportCursor(row.ReceivedAtUtc, row.Id),
                           row => Cells(row, request.Unmasked, asOf, unit, limits.Calendar), cancellationToken))
        {
            yield return cells;
        }
    }

    private sealed record ComplaintRow(long Id, string? ExternalId, string ContentId, DateTime ReceivedAtUtc, string? Reason, byte[]? ContactCipher,
        DateTime DueAtUtc)
    {
        public DateTime? AnsweredAtUtc { get; set; }
        public string? Answer { get; set; }
        public string? AnsweredBy { get; set; }
        public long? DecisionId { get; set; }
        public DecisionOutcome? Outcome { get; set; }
        public DecisionTimes? Times { get; set; }
    }

    private static IQueryable<Flag> Received(AppDbContext db, ExportRequest request, DateTime from, DateTime asOf)
    {
        var flags = db.Flags.AsNoTracking()
            .Where(f => f.Source == FlagSource.UserComplaint && f.ReceivedAtUtc >= from && f.ReceivedAtUtc < request.ToUtc);
        var answers = db.ComplaintFeedback.Where(a => a.RecordedAtUtc < request.ToUtc);
        flags = ExportFilters.Value<ComplaintTimeLimitResult>(request, ResultFilter) switch
        {
            ComplaintTimeLimitResult.Within => flags.Where(f => answers.Any(a => a.FlagId == f.Id && !a.IsLate)),
            ComplaintTimeLimitResult.Late => flags.Where(f => answers.Any(a => a.FlagId == f.Id && a.IsLate)),
            ComplaintTimeLimitResult.Overdue => flags.Where(f => !answers.Any(a => a.FlagId == f.Id) && f.DueAtUtc < asOf),
            ComplaintTimeLimitResult.Open => flags.Where(f => !answers.Any(a => a.FlagId == f.Id) && f.DueAtUtc >= asOf),
            _ => flags,
        };
        if (ExportFilters.Value<DecisionOutcome>(request, ReviewExportFilters.Outcome) is { } outcome)
        {
            flags = flags.Where(f => db.Decisions
                .Where(d => d.DecidedAtUtc < request.ToUtc && db.DecisionFlags.Any(x => x.DecisionId == d.Id && x.FlagId == f.Id))
                .OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id).Select(d => (DecisionOutcome?)d.Outcome).FirstOrDefault() == outcome);
        }
        return flags;
    }

    private async Task<IReadOnlyList<ComplaintRow>> PageAsync(ExportRequest request, DateTime asOf, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var flags = Received(db, request, ExportPaging.Start(request, cursor), asOf);
        if (cursor is not null)
        {
            flags = flags.Where(f => f.ReceivedAtUtc > cursor.At || f.Id > cursor.Id);
        }
        var rows = await flags.OrderBy(f => f.ReceivedAtUtc).ThenBy(f => f.Id).Take(ExportPaging.PageSize)
            .Join(db.ContentItems, f => f.ContentItemId, i => i.Id, (f, i) => new { f, ContentId = i.ExternalId })
            .Select(x => new ComplaintRow(x.f.Id, x.f.ExternalId, x.ContentId, x.f.ReceivedAtUtc, x.f.ReasonText, x.f.ComplainantContactCipher, x.f.DueAtUtc))
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)];
        await AddAnswersAsync(db, rows, request.ToUtc, cancellationToken);
        return rows;
    }

    /// <summary>
    /// Each complaint's answer (one at most) and the decision that handled it: the latest one that recorded the complaint among its flags.
    /// Both as they stood at <paramref name="periodEndUtc"/>.
    /// </summary>
    private static async Task AddAnswersAsync(AppDbContext db, List<ComplaintRow> rows, DateTime periodEndUtc, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var ids = rows.Select(r => r.Id).ToList();
        var answers = (await db.ComplaintFeedback.AsNoTracking().Where(a => ids.Contains(a.FlagId) && a.RecordedAtUtc < periodEndUtc).OrderBy(a => a.Id)
                .Select(a => new { a.FlagId, a.AnsweredAtUtc, a.Answer, a.RecordedByName }).ToListAsync(cancellationToken))
            .DistinctBy(a => a.FlagId).ToDictionary(a => a.FlagId);
        var decisions = (await db.DecisionFlags.AsNoTracking().Where(x => ids.Contains(x.FlagId))
                .Join(db.Decisions.Where(d => d.DecidedAtUtc < periodEndUtc), x => x.DecisionId, d => d.Id, (x, d) => new { x.FlagId, d.Id, d.DecidedAtUtc, d.Outcome })
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.FlagId).ToDictionary(g => g.Key, g => g.MaxBy(d => (d.DecidedAtUtc, d.Id))!);
        var times = await DecisionTimes.ForAsync(db, decisions.Values.Select(d => d.Id), cancellationToken);
        foreach (var row in rows)
        {
            if (answers.TryGetValue(row.Id, out var answer)) (row.AnsweredAtUtc, row.Answer, row.AnsweredBy) = (answer.AnsweredAtUtc, answer.Answer, answer.RecordedByName);
            if (decisions.TryGetValue(row.Id, out var decision)) (row.DecisionId, row.Outcome, row.Times) = (decision.Id, decision.Outcome, times[decision.Id]);
        }
    }

    private object?[] Cells(ComplaintRow row, bool unmasked, DateTime asOf, TimeLimitUnit unit, WorkingCalendar calendar)
    {
        var judgement = ComplaintTimeLimit.Judge(row.DueAtUtc, row.AnsweredAtUtc, asOf, unit, calendar);
        var contact = row.ContactCipher is { Length: > 0 } cipher ? pii.Decrypt(cipher) : null;
        return
        [
            row.Id.ToString(), row.ExternalId, row.ContentId, row.ReceivedAtUtc, row.Reason, contact is null || unmasked ? contact : ComplainantContact.Mask(contact),
            row.DueAtUtc, row.AnsweredAtUtc, row.Answer, row.AnsweredBy, texts.Code(judgement.Result, "ComplaintTimeLimit"), judgement.LateByHours,
            judgement.LateByWorkingDays, row.DecisionId?.ToString(), .. DecisionTimes.Cells(row.Times, texts),
            row.Outcome is { } outcome ? texts.Code(outcome, "ReviewOutcome") : null,
        ];
    }
}
