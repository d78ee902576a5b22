using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>An implicit label the file carried: where, its fields (or why they could not be read) and its raw JSON.</summary>
public sealed record FileLabelView(ImplicitLabelPlace Place, string RawJson, AigcFields? Fields, AigcParseError? ParseError);

/// <summary>The latest reading of an item's file as the case page shows it.</summary>
public sealed record FileReadingView(FileReadingOrigin Origin, FileReadingOutcome Outcome, DateTime ReadAtUtc, string? FileType, long? ByteCount,
    string? Sha256, IReadOnlyList<FileLabelView> Labels, IReadOnlyList<ImplicitLabelFinding> Findings, string? ProblemKey, string[] ProblemArguments)
{
    /// <summary>Every label the file carried, the kept ones among them: a reading keeps only the first few, and its finding of
    /// several labels says how many there were.</summary>
    public int LabelCount => Findings.FirstOrDefault(f => f.Code == ImplicitLabelFindingCodes.Several)?.Argument(FindingArgument.Count) is { } count
        && int.TryParse(count, System.Globalization.CultureInfo.InvariantCulture, out var several) ? Math.Max(several, Labels.Count) : Labels.Count;
}

/// <summary>What the console knows of a case's file: its latest reading, if any, and whether a fetch is waiting.</summary>
public sealed record CaseFileLabel(long ContentItemId, FileReadingView? Latest, bool FetchWaiting);

public sealed class ContentFileReadingQuery(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, ImplicitLabelReader reader)
{
    public async Task<CaseFileLabel> GetAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var itemId = await db.ReviewCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.ContentItemId).SingleOrDefaultAsync(cancellationToken);
        var latest = await db.ContentFileReadings.AsNoTracking().Where(r => r.ContentItemId == itemId)
            .OrderByDescending(r => r.ReadAtUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var waiting = await db.PendingMediaReads.AnyAsync(p => p.ContentItemId == itemId, cancellationToken);
        return new CaseFileLabel(itemId, latest is null ? null : View(latest), waiting);
    }

    private FileReadingView View(ContentFileReading r) => new(r.Origin, r.Outcome, r.ReadAtUtc, r.FileType, r.ByteCount, r.Sha256,
        ContentFileReadings.Labels(r.LabelsJson).Select(l => Label(Enum.Parse<ImplicitLabelPlace>(l.Place), l.RawJson)).ToList(),
        ContentFileReadings.Findings(r.FindingsJson), r.ProblemKey, ContentFileReadings.ProblemArguments(r.ProblemArgumentsJson));

    // Only the raw JSON is kept: the fields are what parsing it again gives, as the reading did.
    private FileLabelView Label(ImplicitLabelPlace place, string rawJson)
    {
        var parsed = reader.Parse(place, rawJson);
        return new FileLabelView(place, rawJson, parsed.Fields, parsed.ParseError);
    }
}
