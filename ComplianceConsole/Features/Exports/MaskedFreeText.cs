using System.Runtime.CompilerServices;
using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// In a masked export, the identifiers written into free text (a complaint that quotes an ID number, a note with a mobile) are
/// masked like the structured fields, for every kind at once: by column type, so no source can forget it. The columns that say who
/// acted (<c>Actor</c>, <c>…By</c>) name staff, the system or an API key as every export shows them, and are not free text.
/// </summary>
public static class MaskedFreeText
{
    public static async IAsyncEnumerable<object?[]> MaskAsync(IAsyncEnumerable<object?[]> rows, IReadOnlyList<ExportColumn> columns,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var textColumns = columns.Index().Where(c => c.Item.Type == ExportCellType.Text && !NamesWhoActed(c.Item)).Select(c => c.Index).ToArray();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var i in textColumns)
            {
                if (row[i] is string text) row[i] = FreeTextMasking.Mask(text);
            }
            yield return row;
        }
    }

    private static bool NamesWhoActed(ExportColumn column) => column.Key == "Actor" || column.Key.EndsWith("By", StringComparison.Ordinal);
}
