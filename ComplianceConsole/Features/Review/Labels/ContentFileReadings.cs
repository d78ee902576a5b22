using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>The row kept of reading an item's file, read or not.</summary>
internal static class ContentFileReadings
{
    private sealed record LabelRow(string Place, string RawJson);

    private sealed record FindingRow(string Code, string[] Arguments);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ContentFileReading Read(long contentItemId, ContentFileAnalysis analysis, IReadOnlyList<ImplicitLabelFinding> findings, DateTime nowUtc) => new()
    {
        ContentItemId = contentItemId, ReadAtUtc = nowUtc, Origin = analysis.Origin, Outcome = (FileReadingOutcome)analysis.Reading.Outcome,
        FileType = analysis.Reading.FileType, ByteCount = analysis.ByteCount, Sha256 = analysis.Sha256,
        LabelsJson = JsonSerializer.Serialize(analysis.Reading.Labels.Select(l => new LabelRow(l.Place.ToString(), l.RawJson)), Json),
        FindingsJson = JsonSerializer.Serialize(findings.Select(f => new FindingRow(f.Code, f.Arguments)), Json),
        ProblemKey = analysis.HashProblemKey, ProblemArgumentsJson = Arguments(analysis.HashProblemArguments),
    };

    public static ContentFileReading FetchFailed(long contentItemId, string problemKey, object[] arguments, DateTime nowUtc) => new()
    {
        ContentItemId = contentItemId, ReadAtUtc = nowUtc, Origin = FileReadingOrigin.Fetch, Outcome = FileReadingOutcome.FetchFailed,
        ProblemKey = problemKey, ProblemArgumentsJson = Arguments(arguments),
    };

    public static IReadOnlyList<(string Place, string RawJson)> Labels(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize<List<LabelRow>>(json, Json) ?? []).Select(l => (l.Place, l.RawJson)).ToList();

    public static IReadOnlyList<ImplicitLabelFinding> Findings(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize<List<FindingRow>>(json, Json) ?? []).Select(f => new ImplicitLabelFinding(f.Code, f.Arguments)).ToList();

    public static string[] ProblemArguments(string? json) => json is null ? [] : JsonSerializer.Deserialize<string[]>(json, Json) ?? [];

    private static string? Arguments(object[] arguments) =>
        arguments.Length == 0 ? null : JsonSerializer.Serialize(arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)), Json);
}
