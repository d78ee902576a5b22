namespace ComplianceConsole.Security.Files;

/// <summary>
/// How much an uploaded or fetched file may make the console read: a small file can unpack to gigabytes (a zip bomb) or
/// hold a million rows, so the size on disk alone says nothing. One section for every file the console opens.
/// </summary>
public sealed class FileLimitsOptions
{
    public const string Section = "ComplianceConsole:FileLimits";

    /// <summary>What all parts of a package (.xlsx) may unpack to together.</summary>
    public long MaxUnpackedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many times smaller than its content a part over <see cref="SafeZip.RatioCheckedFromBytes"/> may be.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>How many parts a package may hold (a workbook has a few dozen).</summary>
    public int MaxZipEntries { get; set; } = 1000;

    /// <summary>How many data rows a table (CSV or XLSX) may have.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>How long one cell may be, in characters (Excel's own limit).</summary>
    public int MaxCellLength { get; set; } = 32_767;

    /// <summary>The number a refusal's message states, for the message keys <see cref="FileLimitException"/> uses.</summary>
    public object? LimitStatedBy(string? messageKey) => messageKey switch
    {
        "Upload.TooLargeUnpacked" => MaxUnpackedBytes / (1024 * 1024),
        "Upload.CompressionRatio" => MaxCompressionRatio,
        "Upload.TooManyEntries" => MaxZipEntries,
        "Upload.TooManyRows" => MaxRows,
        "Upload.CellTooLong" => MaxCellLength,
        _ => null,
    };
}
