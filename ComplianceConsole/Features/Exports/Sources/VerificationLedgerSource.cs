using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Sources;

/// <summary>
/// The real-name verification ledger (Art. 9): every record submitted in the period, oldest first, with its platform
/// user, method, identifier and real name (masked as the grid shows them unless the export is unmasked), status,
/// submitted and decided times, decider, reason and whether the identity is a duplicate.
/// </summary>
public sealed class VerificationLedgerSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public const string StatusFilter = "status", MethodFilter = "method";

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
        var rows = Query(db, request)
            .OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)
            .Select(r => new LedgerRow(r.Id, r.PlatformUser.ExternalId, r.Method, r.IdentifierCipher, r.RealNameCipher, r.Status,
                r.SubmittedAtUtc, r.DecidedAtUtc, r.DecidedBy, r.ReasonCode, r.Note, r.IsDuplicate))
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
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

    private string ReasonOf(string code, Dictionary<string, string> reasons)
    {
        if (!reasons.TryGetValue(code, out var label)) reasons[code] = label = texts.Bilingual($"Reason.{code}");
        return label;
    }

    private static IQueryable<VerificationRecord> Query(AppDbContext db, ExportRequest request)
    {
        var query = db.VerificationRecords.AsNoTracking().Where(r => r.SubmittedAtUtc >= request.FromUtc && r.SubmittedAtUtc < request.ToUtc);
        if (request.Filters.TryGetValue(StatusFilter, out var s) && Enum.TryParse<VerificationStatus>(s, out var status)) query = query.Where(r => r.Status == status);
        if (request.Filters.TryGetValue(MethodFilter, out var m) && Enum.TryParse<VerificationMethod>(m, out var method)) query = query.Where(r => r.Method == method);
        return query;
    }

    private sealed record LedgerRow(long Id, string PlatformUser, VerificationMethod Method, byte[] IdentifierCipher, byte[] RealNameCipher,
        VerificationStatus Status, DateTime SubmittedAtUtc, DateTime? DecidedAtUtc, string? DecidedBy, string? ReasonCode, string? Note, bool IsDuplicate);
}
