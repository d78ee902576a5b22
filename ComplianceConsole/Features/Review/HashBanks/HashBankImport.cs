using System.Globalization;
using ComplianceConsole.Common.Tables;
using ComplianceConsole.Security.Files;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// A CSV (or .xlsx) file of hashes for a bank: a column of hashes, and optionally their quality and a note, found by their
/// header names, else taken in that order. At most <see cref="MaxRows"/> rows at a time; the platform sends more through the API.
/// </summary>
public static class HashBankImport
{
    public const int MaxRows = 20_000;
    public const long MaxBytes = 4L * 1024 * 1024;

    private static readonly string[] HashNames = ["hash", "pdq", "pdqhash", "pdq_hash", "哈希", "哈希值"];
    private static readonly string[] QualityNames = ["quality", "质量", "质量分"];
    private static readonly string[] NoteNames = ["note", "备注", "说明"];

    /// <summary>The file's rows as hashes to add (with their row numbers), or the message key saying why the file cannot be read.</summary>
    public static (IReadOnlyList<(int RowNumber, HashEntryInput Input)> Rows, string? ProblemKey) Read(byte[] content, string fileName, FileLimitsOptions limits)
    {
        try
        {
            using var table = ImportTable.Open(content, Path.GetExtension(fileName), new FileLimitsOptions
            {
                MaxRows = MaxRows, MaxCellLength = 1000, MaxUnpackedBytes = limits.MaxUnpackedBytes, MaxCompressionRatio = limits.MaxCompressionRatio,
                MaxZipEntries = limits.MaxZipEntries,
            });
            int? Find(string[] names) => table.Headers.Select((h, i) => (h, i)).Where(c => names.Contains(c.h.Replace(" ", "").ToLowerInvariant()))
                .Select(c => (int?)c.i).FirstOrDefault();
            var named = Find(HashNames);
            var (hash, quality, note) = named is { } h ? (h, Find(QualityNames), Find(NoteNames)) : (0, (int?)1, (int?)2);
            var rows = new List<(int, HashEntryInput)>();
            if (named is null && table.Headers.Count > 0) rows.Add((1, Entry(table.Headers.ToArray(), hash, quality, note)));
            rows.AddRange(table.Rows().Where(r => r.Cells.Any(c => c.Trim().Length > 0)).Select(r => (r.RowNumber, Entry(r.Cells, hash, quality, note))));
            return rows.Count == 0 ? ([], "HashBank.Import.Empty") : (rows, null);
        }
        catch (FileLimitException e)
        {
            return ([], e.MessageKey == "Upload.TooManyRows" ? "HashBank.Import.TooManyRows" : e.MessageKey);
        }
        catch (Exception e) when (ImportTable.IsUnreadable(e))
        {
            return ([], "HashBank.Import.Unreadable");
        }
    }

    private static HashEntryInput Entry(string[] cells, int hash, int? quality, int? note)
    {
        string? Cell(int? column) => column is { } c && c < cells.Length && cells[c].Trim() is { Length: > 0 } text ? text : null;
        var qualityText = Cell(quality);
        // A spreadsheet may write a whole number as "80.0" or "80.00"; a fraction or a word is not a quality.
        int? q = qualityText is null ? null
            : decimal.TryParse(qualityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) && parsed == decimal.Truncate(parsed)
              && parsed is >= int.MinValue and <= int.MaxValue ? (int)parsed : -1;
        return new HashEntryInput(Cell(hash), q, Cell(note));
    }
}
