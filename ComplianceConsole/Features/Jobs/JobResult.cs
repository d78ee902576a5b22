namespace ComplianceConsole.Features.Jobs;

/// <summary>A localisation key and its arguments: how a job's summary or failure is shown in each person's language.</summary>
public sealed record JobMessage(string Key, IReadOnlyList<string> Arguments)
{
    public static JobMessage Of(string key, params object[] arguments) =>
        new(key, arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList());
}

/// <summary>A file a job left for the person who asked for it (an error report), in the job's own folder.</summary>
public sealed record JobFile(string Name, string LabelKey, long Bytes);

/// <summary>One labelled value of what a person asked for, shown on the Jobs page (never unmasked personal data).</summary>
public sealed record JobOption(string LabelKey, string Value, bool ValueIsKey = false);

/// <summary>
/// What came of a job: its summary, files and lines to show on screen — for imports the first few bad rows (problems to look
/// at); for a purge, its counts per kind (<paramref name="LinesAreBreakdown"/>: a clean run, not a run with problems).
/// </summary>
public sealed record JobResult(JobMessage Summary, IReadOnlyList<JobFile> Files, IReadOnlyList<JobResultLine>? Lines = null, bool LinesAreBreakdown = false)
{
    public static JobResult Of(JobMessage summary) => new(summary, []);
}

/// <summary>
/// A line of a job's result shown on screen, e.g. one bad row of an import: its literal cells (row, column) and
/// its reason, kept as a localisation key so each reader sees it in their own language.
/// </summary>
public sealed record JobResultLine(IReadOnlyList<string> Cells, JobMessage Reason);
