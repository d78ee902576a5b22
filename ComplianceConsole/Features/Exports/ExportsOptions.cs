namespace ComplianceConsole.Features.Exports;

/// <summary>Export settings under <c>ComplianceConsole:Exports</c>.</summary>
public sealed class ExportsOptions(IConfiguration configuration)
{
    public const string RowsPerSheetKey = "ComplianceConsole:Exports:RowsPerSheet";
    public const string FileRetentionDaysKey = "ComplianceConsole:Exports:FileRetentionDays";
    public const string MaxVerifyMegabytesKey = "ComplianceConsole:Exports:MaxVerifyMegabytes";

    /// <summary>Excel's last row is 1,048,576; the header takes one.</summary>
    public const int MaxRowsPerSheet = 1_048_575;

    /// <summary>Data rows per sheet before the data continues on a next sheet (smaller only for tests and trials).</summary>
    public int RowsPerSheet => Math.Clamp(configuration.GetValue(RowsPerSheetKey, MaxRowsPerSheet), 1, MaxRowsPerSheet);

    /// <summary>How long an export's file is kept for download; its history entry stays.</summary>
    public int FileRetentionDays => Math.Max(1, configuration.GetValue(FileRetentionDaysKey, 30));

    /// <summary>The largest workbook the verify page and endpoint accept.</summary>
    public long MaxVerifyBytes => Math.Max(1, configuration.GetValue(MaxVerifyMegabytesKey, 100)) * 1024L * 1024L;
}
