using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// The real-name verification ledger (Art. 9): every record submitted in the period, oldest first, with its platform
/// user, method, identifier and real name (masked as the grid shows them unless the export is unmasked), status,
/// submitted and decided times, decider, reason and whether the identity is a duplicate. A snapshot as of the period's end: a record
/// decided again after the period ended (revoked, expired) shows its status, decision and reason as its history had them then, so a
/// closed period's ledger never changes.
/// </summary>
public sealed class VerificationLedgerSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public const string StatusFilter = "status", MethodFilter = "method";
    private const int ChunkSize = 1_000;

    public ExportKind Kind => ExportKind.VerificationLedger;

    public string Article => "第九条 / Art. 9";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("RecordId", ExportCellType.Code, 12),
        new("PlatformUser", ExportCellType.Code, 24),
        new("Method", ExportCellType.Text, 22),
        new("Identifier", ExportCellType.Code, 22),
        new("RealName", ExportCellType.Text, 14),
        new("Status", ExportCellType.Text, 14),
        new("SubmittedAt", ExportCellType.DateTime, 20),
        new("DecidedAt", ExportCellType.DateTime, 20),
        new("DecidedBy", ExportCellType.Text, 24),
        new("ReasonCode", ExportCellType.Code, 22),
        new("Reason", ExportCellType.Text, 26),
        new("Note", ExportCellType.Text, 40),
        new("Duplicate", ExportCellType.Text, 12),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } =
    [
        new(StatusFilter, Enum.GetValues<VerificationStatus>().Select(s => new ExportFilterOption(s.ToString(), $"Status.{s}")).ToList()),
        new(MethodFilter, Enum.GetValues<VerificationMethod>().Select(m => new ExportFilterOption(m.ToString(), $"Method.{m}")).ToList()),
    ];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await OneWayReads.CreateAsync(contextFactory, cancellationToken);
        return await Query(db, request).LongCountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var methods = Enum.GetValues<VerificationMethod>().ToDictionary(m => m, m => texts.Bilingual($"Method.{m}"));
        var statuses = Enum.GetValues<VerificationStatus>().ToDictionary(s => s, s => texts.Bilingual($"Status.{s}"));
        var reasons = new Dictionary<string, string>();
        var (yes, no) = (texts.Bilingual("Common.Yes"), texts.Bilingual("Common.No"));
        Func<string, string> asStored = value => value;
        var identifiers = Enum.GetValues<VerificationMethod>()
            .ToDictionary(m => m, m => request.Unmasked ? asStored : identifier => VerificationRules.Mask(m, identifier));
        var names = request.Unmasked ? asStored : Masking.Name;
        // One query read front to back: paging a million rows cost more in per-query work than the rows themselves.
        await using var db = await OneWayReads.CreateAsync(contextFactory, cancellationToken);
        var query = Query(db, request)
            .OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.PlatformUser.ExternalId, r.Method, r.IdentifierCipher, r.RealNameCipher, r.Status, r.SubmittedAtUtc, r.DecidedAtUtc,
                r.DecidedBy, r.ReasonCode, r.Note, r.IsDuplicate,
            });
        await foreach (var r in AsOfPeriodEndAsync(RowsAsync(db, query, cancellationToken), request.ToUtc, cancellationToken))
        {
            yield return
            [
                r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.PlatformUser, methods[r.Method],
                new SealedCell(r.IdentifierCipher, identifiers[r.Method]), new SealedCell(r.RealNameCipher, names),
                statuses[r.Status], r.SubmittedAtUtc, r.DecidedAtUtc, r.DecidedBy, r.ReasonCode,
                r.ReasonCode is null ? null : ReasonOf(r.ReasonCode, reasons), r.Note, r.IsDuplicate ? yes : no,
            ];
        }
    }

    /// <summary>
    /// The query's rows read by column from the command EF Core makes of it, not through EF's materializer: its per-row work and
    /// SQLite's parsing of the two stored times were a tenth of reading a row (<see cref="StoredTimes"/>).
    /// </summary>
    private static async IAsyncEnumerable<LedgerRow> RowsAsync<T>(AppDbContext db, IQueryable<T> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var textTimes = db.Database.IsSqlite();
        int Column(string name) => reader.GetOrdinal(name);
        var (id, user, method, identifier, name, status, submitted, decided, decidedBy, reason, note, duplicate) = (Column("Id"), Column("ExternalId"),
            Column("Method"), Column("IdentifierCipher"), Column("RealNameCipher"), Column("Status"), Column("SubmittedAtUtc"), Column("DecidedAtUtc"),
            Column("DecidedBy"), Column("ReasonCode"), Column("Note"), Column("IsDuplicate"));
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LedgerRow(reader.GetInt64(id), reader.GetString(user), (VerificationMethod)reader.GetInt32(method),
                reader.GetFieldValue<byte[]>(identifier), reader.GetFieldValue<byte[]>(name), (VerificationStatus)reader.GetInt32(status),
                StoredTimes.Utc(reader, submitted, textTimes), StoredTimes.NullableUtc(reader, decided, textTimes), Text(decidedBy), Text(reason), Text(note),
                reader.GetBoolean(duplicate));
        }
    }

    private string ReasonOf(string code, Dictionary<string, string> reasons)
    {
        if (!reasons.TryGetValue(code, out var label)) reasons[code] = label = texts.Bilingual($"Reason.{code}");
        return label;
    }

    /// <summary>
    /// The rows as they stood at <paramref name="periodEndUtc"/>: every change of a record moves its decided time, so one decided at or after
    /// the period's end takes its status, decision and reason from its last history entry before it (looked up a chunk of rows at a time).
    /// </summary>
    private async IAsyncEnumerable<LedgerRow> AsOfPeriodEndAsync(IAsyncEnumerable<LedgerRow> rows, DateTime periodEndUtc,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<LedgerRow>(ChunkSize);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            chunk.Add(row);
            if (chunk.Count < ChunkSize) continue;
            foreach (var r in await RewoundAsync(chunk, periodEndUtc, cancellationToken)) yield return r;
            chunk.Clear();
        }
        foreach (var r in await RewoundAsync(chunk, periodEndUtc, cancellationToken)) yield return r;
    }

    private async Task<IReadOnlyList<LedgerRow>> RewoundAsync(List<LedgerRow> chunk, DateTime periodEndUtc, CancellationToken cancellationToken)
    {
        var later = chunk.Where(r => r.DecidedAtUtc >= periodEndUtc).Select(r => r.Id).ToList();
        if (later.Count == 0) return [.. chunk];
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var then = (await db.VerificationHistory.AsNoTracking().Where(h => later.Contains(h.VerificationRecordId) && h.AtUtc < periodEndUtc)
                .ToListAsync(cancellationToken))
            .GroupBy(h => h.VerificationRecordId).ToDictionary(g => g.Key, g => g.MaxBy(h => (h.AtUtc, h.Id))!);
        return [.. chunk.Select(r => r.DecidedAtUtc < periodEndUtc || r.DecidedAtUtc is null ? r : then.GetValueOrDefault(r.Id) is { } h && h.ToStatus != VerificationStatus.Pending
            ? r with { Status = h.ToStatus, DecidedAtUtc = h.AtUtc, DecidedBy = h.Actor, ReasonCode = h.ReasonCode, Note = h.Note }
            : r with { Status = VerificationStatus.Pending, DecidedAtUtc = null, DecidedBy = null, ReasonCode = null, Note = null })];
    }

    private static IQueryable<VerificationRecord> Query(AppDbContext db, ExportRequest request)
    {
        var query = db.VerificationRecords.AsNoTracking().Where(r => r.SubmittedAtUtc >= request.FromUtc && r.SubmittedAtUtc < request.ToUtc);
        if (request.Filters.TryGetValue(StatusFilter, out var s) && Enum.TryParse<VerificationStatus>(s, out var status))
        {
            // The status at the period's end: the record's own, or its history's when it was decided again after the period ended.
            var end = request.ToUtc;
            query = query.Where(r => (r.DecidedAtUtc == null || r.DecidedAtUtc < end)
                ? r.Status == status
                : db.VerificationHistory.Where(h => h.VerificationRecordId == r.Id && h.AtUtc < end).OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
                    .Select(h => (VerificationStatus?)h.ToStatus).FirstOrDefault() == status);
        }
        if (request.Filters.TryGetValue(MethodFilter, out var m) && Enum.TryParse<VerificationMethod>(m, out var method)) query = query.Where(r => r.Method == method);
        return query;
    }

    private sealed record LedgerRow(long Id, string PlatformUser, VerificationMethod Method, byte[] IdentifierCipher, byte[] RealNameCipher,
        VerificationStatus Status, DateTime SubmittedAtUtc, DateTime? DecidedAtUtc, string? DecidedBy, string? ReasonCode, string? Note, bool IsDuplicate);
}
