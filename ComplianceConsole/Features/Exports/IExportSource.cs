namespace ComplianceConsole.Features.Exports;

/// <summary>A filter an export kind offers on the export page: a key, and its choices (value → localisation key).</summary>
public sealed record ExportFilter(string Key, IReadOnlyList<ExportFilterOption> Options);

public sealed record ExportFilterOption(string Value, string LabelKey);

/// <summary>
/// Where the rows of one export kind come from. The export engine asks each registered source for its columns and
/// streams its rows into the workbook; a source never builds a workbook and never holds all its rows in memory.
/// </summary>
public interface IExportSource
{
    ExportKind Kind { get; }

    /// <summary>The article(s) the export answers, as printed on the cover, e.g. <c>第九条 / Art. 9</c>.</summary>
    string Article { get; }

    IReadOnlyList<ExportColumn> Columns { get; }

    IReadOnlyList<ExportFilter> Filters { get; }

    /// <summary>An upper bound of the rows <see cref="ReadAsync"/> will give, for progress (may be the exact count).</summary>
    Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The rows in a stable order (the same data gives the same rows in the same order), one value per column:
    /// <see cref="string"/>, UTC <see cref="DateTime"/>, <see cref="long"/>/<see cref="int"/>, <see cref="decimal"/>/<see cref="double"/>,
    /// a <see cref="SealedCell"/> or null. PII is masked unless <see cref="ExportRequest.Unmasked"/>. Read in keyset pages from short-lived contexts.
    /// </summary>
    IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, CancellationToken cancellationToken);
}
