using System.Globalization;
using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Identifiers;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

/// <summary>The parts of the compliance registry, one section of rows each, in this order.</summary>
public enum RegistrySection { Consent, Assessment, Launch, Filing, DueDate }

/// <summary>
/// Art. 14, 15, 19, 20: the compliance registry in one tidy table. Consents and launches recorded in the period; assessments as they
/// stand (few, and kept up to date); algorithm filings as their change history had them at the period's end; what falls due as seen at
/// the end of the period. Each consent and assessment lists its evidence files with their SHA-256, so a copy of a file can be checked.
/// The depicted person's name is masked unless the export is unmasked. Sections in the order of <see cref="RegistrySection"/>, each by id.
/// A snapshot as of the period's end: a consent's state and withdrawal, and a filing's number, name, status and display place, are as
/// they stood then (a later withdrawal or filing change is in a later period's register).
/// </summary>
public sealed class ComplianceRegistrySource(IDbContextFactory<AppDbContext> contextFactory, PiiProtector pii, ExportTexts texts) : IExportSource
{
    private const string SectionFilter = "section";

    public ExportKind Kind => ExportKind.ComplianceRegistry;

    public string Article => "第十四、十五、十九、二十条 / Art. 14, 15, 19, 20";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Registry.Section", ExportCellType.Text, 16),
        new("Registry.Id", ExportCellType.Code, 10),
        new("Registry.Reference", ExportCellType.Text, 30),
        new("Registry.Kind", ExportCellType.Text, 22),
        new("Registry.Status", ExportCellType.Text, 16),
        new("Registry.PlatformUser", ExportCellType.Code, 20),
        new("Registry.DepictedPerson", ExportCellType.Text, 12),
        new("Registry.Detail", ExportCellType.Text, 40),
        new("Registry.Date", ExportCellType.Date, 12),
        new("Registry.StartsAt", ExportCellType.DateTime, 20),
        new("Registry.EndsAt", ExportCellType.DateTime, 20),
        new("Registry.EndedAt", ExportCellType.DateTime, 20),
        new("Registry.AssessmentId", ExportCellType.Code, 10),
        new("Registry.RecordedBy", ExportCellType.Text, 18),
        new("Registry.RecordedAt", ExportCellType.DateTime, 20),
        new("Registry.Evidence", ExportCellType.Code, 60),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } = [ExportFilters.Of<RegistrySection>(SectionFilter, "RegistrySection")];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        long count = 0;
        foreach (var section in SectionsOf(request))
        {
            count += section switch
            {
                RegistrySection.Consent => await Consents(db, request).LongCountAsync(cancellationToken),
                RegistrySection.Assessment => await db.Assessments.LongCountAsync(cancellationToken),
                RegistrySection.Launch => await Launches(db, request).LongCountAsync(cancellationToken),
                RegistrySection.Filing => await Filings(db, request).LongCountAsync(cancellationToken),
                _ => RegistryDueDates.MaxItems,
            };
        }
        return count;
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var section in SectionsOf(request))
        {
            if (section == RegistrySection.DueDate)
            {
                await foreach (var row in DueRowsAsync(request, cancellationToken)) yield return row;
                continue;
            }
            long after = 0;
            while (true)
            {
                var page = await PageAsync(section, request, after, cancellationToken);
                foreach (var row in page.Rows) yield return row;
                if (page.LastId is not { } last) break;
                after = last;
            }
        }
    }

    private static IEnumerable<RegistrySection> SectionsOf(ExportRequest request) =>
        ExportFilters.Value<RegistrySection>(request, SectionFilter) is { } only ? [only] : Enum.GetValues<RegistrySection>();

    private static IQueryable<BiometricConsent> Consents(AppDbContext db, ExportRequest request) =>
        db.BiometricConsents.AsNoTracking().Where(c => c.RecordedAtUtc >= request.FromUtc && c.RecordedAtUtc < request.ToUtc);

    private static IQueryable<FunctionLaunch> Launches(AppDbContext db, ExportRequest request) =>
        db.FunctionLaunches.AsNoTracking().Where(l => l.RecordedAtUtc >= request.FromUtc && l.RecordedAtUtc < request.ToUtc);

    private sealed record Page(IReadOnlyList<object?[]> Rows, long? LastId);

    /// <summary>A keyset page of one section after <paramref name="after"/>; its last id when a further page may follow.</summary>
    private async Task<Page> PageAsync(RegistrySection section, ExportRequest request, long after, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = section switch
        {
            RegistrySection.Consent => await ConsentRowsAsync(db, request, after, cancellationToken),
            RegistrySection.Assessment => await AssessmentRowsAsync(db, request, after, cancellationToken),
            RegistrySection.Launch => await LaunchRowsAsync(db, request, after, cancellationToken),
            _ => await FilingRowsAsync(db, request, after, cancellationToken),
        };
        // A row without cells is an item that did not exist yet at the period's end: it only moves the page on.
        return new([.. rows.Where(r => r.Item2.Length > 0).OrderBy(r => r.Item1).Select(r => r.Item2)], rows.Count == ExportPaging.PageSize ? rows.Max(r => r.Item1) : null);
    }

    private async Task<List<(long, object?[])>> ConsentRowsAsync(AppDbContext db, ExportRequest request, long after, CancellationToken cancellationToken)
    {
        var consents = await Consents(db, request).Where(c => c.Id > after).OrderBy(c => c.Id).Take(ExportPaging.PageSize)
            .Join(db.PlatformUsers(), c => c.PlatformUserId, u => u.Id, (c, u) => new { c, User = u.ExternalId }).ToListAsync(cancellationToken);
        var evidence = await EvidenceAsync(db, EvidenceOwner.Consent, consents.Select(x => x.c.Id).ToList(), request.ToUtc, cancellationToken);
        return consents.Select(x =>
        {
            var c = x.c;
            var name = pii.Decrypt(c.DepictedPersonNameCipher);
            var state = ConsentValidity.StateAt(c.Edits, c.ValidFromUtc, c.ValidUntilUtc, c.WithdrawnAtUtc, c.Edits, request.ToUtc);
            return (c.Id, Cells(RegistrySection.Consent, c.Id, c.ExternalId, texts.Code(c.Edits), texts.Code(state), x.User, request.Unmasked ? name : Masking.Name(name),
                Detail(c.Scope, texts.Code(c.Method), "ref " + c.DepictedPersonRef), null, c.ValidFromUtc, ConsentValidity.LastValidMoment(c.ValidUntilUtc),
                c.WithdrawnAtUtc < request.ToUtc ? c.WithdrawnAtUtc : null, null, c.RecordedByName, c.RecordedAtUtc, evidence.GetValueOrDefault(c.Id)));
        }).ToList();
    }

    /// <summary>
    /// Assessments as each stood at the period's end: its last audited save before then (every save records the whole
    /// assessment), so a later edit never changes a closed period's registry; one first saved after the end is left out.
    /// </summary>
    private async Task<List<(long, object?[])>> AssessmentRowsAsync(AppDbContext db, ExportRequest request, long after, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(ExportPaging.PageSize)
            .Select(a => new { a.Id, a.CompletedAtUtc }).ToListAsync(cancellationToken);
        var stood = await AssessmentsAsOf.ReadAsync(db, assessments.Select(a => a.Id).ToList(), request.ToUtc, cancellationToken);
        var evidence = await EvidenceAsync(db, EvidenceOwner.Assessment, assessments.Select(a => a.Id).ToList(), request.ToUtc, cancellationToken);
        return assessments.Select(a => (a.Id, stood.TryGetValue(a.Id, out var then)
            ? Cells(RegistrySection.Assessment, a.Id, then.Subject, $"{Code(then.SubjectKind)}; {Code(then.Kind)}", Code(then.Status), null, null,
                Detail(then.Findings, then.Remediation, then.Reviewer), then.DueDate, null, null,
                then.Status is AssessmentStatus.Passed or AssessmentStatus.Failed && a.CompletedAtUtc < request.ToUtc ? a.CompletedAtUtc : null, null,
                then.SavedBy, then.SavedAtUtc, evidence.GetValueOrDefault(a.Id))
            : [])).ToList();
    }

    private string Code<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? texts.Code(v) : Common.Display.Dash;

    private async Task<List<(long, object?[])>> LaunchRowsAsync(AppDbContext db, ExportRequest request, long after, CancellationToken cancellationToken) =>
        (await Launches(db, request).Where(l => l.Id > after).OrderBy(l => l.Id).Take(ExportPaging.PageSize)
            .Join(db.Assessments, l => l.AssessmentId, a => a.Id, (l, a) => new { l, a.Subject }).ToListAsync(cancellationToken))
        .Select(x => (x.l.Id, Cells(RegistrySection.Launch, x.l.Id, x.l.Name, null, texts.Bilingual("ExportValue.Launched"), null, null, Detail(x.l.Description, x.Subject),
            x.l.LaunchDate, null, null, null, x.l.AssessmentId, x.l.RecordedByName, x.l.RecordedAtUtc, null))).ToList();

    /// <summary>The filings that existed at the period's end (their first change, the filing itself, came before it).</summary>
    private static IQueryable<AlgorithmFiling> Filings(AppDbContext db, ExportRequest request) =>
        db.AlgorithmFilings.AsNoTracking().Where(f => db.AlgorithmFilingChanges.Any(c => c.AlgorithmFilingId == f.Id && c.AtUtc < request.ToUtc));

    /// <summary>Each filing as its last change before the period's end left it; its role and filing date are the filing's own.</summary>
    private async Task<List<(long, object?[])>> FilingRowsAsync(AppDbContext db, ExportRequest request, long after, CancellationToken cancellationToken)
    {
        var filings = await Filings(db, request).Where(f => f.Id > after).OrderBy(f => f.Id).Take(ExportPaging.PageSize).ToListAsync(cancellationToken);
        var ids = filings.Select(f => f.Id).ToList();
        var then = (await db.AlgorithmFilingChanges.AsNoTracking().Where(c => ids.Contains(c.AlgorithmFilingId) && c.AtUtc < request.ToUtc).ToListAsync(cancellationToken))
            .GroupBy(c => c.AlgorithmFilingId).ToDictionary(g => g.Key, g => g.MaxBy(c => (c.AtUtc, c.Id))!);
        return filings.Select(f =>
        {
            var c = then[f.Id];
            return (f.Id, Cells(RegistrySection.Filing, f.Id, c.FilingNumber, texts.Code(f.Role), texts.Code(c.Status), null, null, Detail(c.AlgorithmName, c.DisplayedAt),
                f.FiledOn, null, null, null, null, c.ByName, c.AtUtc, null));
        }).ToList();
    }

    private async IAsyncEnumerable<object?[]> DueRowsAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<DueItem> items;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            items = await RegistryDueDates.ListAsync(db, request.ToUtc, asRecordedThen: true, cancellationToken);
        }
        foreach (var item in items)
        {
            yield return Cells(RegistrySection.DueDate, item.Id, item.Title, texts.Code(item.Kind), texts.Bilingual(item.Overdue ? "ExportValue.Overdue" : "ExportValue.DueSoon"), null, null,
                null, item.DueDate, null, null, null, null, null, null, null);
        }
    }

    /// <summary>Each evidence file of the owners as "SHA-256 file name", one a line, in upload order.</summary>
    /// <summary>The evidence files of the owners, uploaded before <paramref name="beforeUtc"/> (the period's end).</summary>
    private static async Task<Dictionary<long, string>> EvidenceAsync(AppDbContext db, EvidenceOwner owner, List<long> ownerIds, DateTime beforeUtc,
        CancellationToken cancellationToken) =>
        (await db.EvidenceFiles.AsNoTracking().Where(f => f.Owner == owner && ownerIds.Contains(f.OwnerId) && f.UploadedAtUtc < beforeUtc).OrderBy(f => f.Id)
            .Select(f => new { f.OwnerId, f.Sha256, f.FileName }).ToListAsync(cancellationToken))
        .GroupBy(f => f.OwnerId).ToDictionary(g => g.Key, g => string.Join("\n", g.Select(f => $"{f.Sha256} {f.FileName}")));

    private static string? Detail(params string?[] parts) => ExportPaging.Blank(string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));

    private object?[] Cells(RegistrySection section, long id, string reference, string? kind, string status, string? user, string? person, string? detail,
        DateOnly? date, DateTime? startsAt, DateTime? endsAt, DateTime? endedAt, long? assessmentId, string? recordedBy, DateTime? recordedAt, string? evidence) =>
    [
        texts.Code(section), id.ToString(CultureInfo.InvariantCulture), reference, kind, status, user, person, detail, date, startsAt, endsAt, endedAt,
        assessmentId?.ToString(CultureInfo.InvariantCulture), recordedBy, recordedAt, evidence,
    ];
}
