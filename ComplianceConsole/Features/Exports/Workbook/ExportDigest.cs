using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceConsole.Features.Exports.Workbook;

/// <summary>
/// The data digest printed on a workbook's cover: SHA-256 over a canonical text of the data sheets' cell values, so
/// anyone can recompute it from the workbook alone, and a spreadsheet program re-saving the file does not change it.
/// The canonical text, in UTF-8:
/// <list type="bullet">
/// <item>every data sheet (every sheet after the cover) in workbook order; its first row (the headers) is left out;</item>
/// <item>each data row is its cells, as many as the sheet's header row has, joined by U+001F and followed by U+001E;</item>
/// <item>a text cell is its text exactly (shared or inline alike); a date-time cell (a number whose cell format is a
/// date or time format, see <see cref="ExportNumberFormats"/>) is the date-time <c>yyyy-MM-dd HH:mm:ss</c> after
/// rounding to the nearest whole second; any other number is the number to 15 significant digits (C#
/// <c>double.ToString("G15")</c>, invariant culture; Python <c>format(v, ".15g")</c> with the exponent's <c>e</c> in
/// upper case); an empty cell is empty; a formula cell is <c>=</c> and its formula.</item>
/// </list>
/// The digest is the lowercase hex SHA-256 of that text. Sheets split at the rows-per-sheet limit give the same digest.
/// Re-saving rounds a date serial in its last digits (LibreOffice keeps 15 significant digits): whole seconds do not
/// move. Numbers are written already rounded to 15 significant digits, so every program writes them back exactly.
/// </summary>
public sealed class ExportDigest : IDisposable
{
    public const char CellSeparator = '\u001F';
    public const char RowTerminator = '\u001E';

    // Rows are hashed 64 KB at a time: a call into the hash per row of 150 bytes cost half the writer's time in the calls.
    private const int PendingSize = 1 << 16;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _row = new();
    private byte[] _pending = new byte[PendingSize];
    private int _pendingLength, _cellsInRow;

    public void AddCell(string canonicalValue)
    {
        if (_cellsInRow++ > 0) _row.Append(CellSeparator);
        _row.Append(canonicalValue);
    }

    public void EndRow()
    {
        _row.Append(RowTerminator);
        var needed = Encoding.UTF8.GetMaxByteCount(_row.Length);
        if (_pending.Length - _pendingLength < needed) HashPending();
        if (_pending.Length < needed) _pending = new byte[needed];
        foreach (var chunk in _row.GetChunks()) _pendingLength += Encoding.UTF8.GetBytes(chunk.Span, _pending.AsSpan(_pendingLength));
        _row.Clear();
        _cellsInRow = 0;
    }

    public string Finish()
    {
        HashPending();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private void HashPending()
    {
        _hash.AppendData(_pending, 0, _pendingLength);
        _pendingLength = 0;
    }

    public static string Number(double value) => value.ToString("G15", CultureInfo.InvariantCulture);

    /// <summary>The number as the writer stores it: rounded to the 15 significant digits every spreadsheet program keeps.</summary>
    public static double Rounded(double value) => double.Parse(Number(value), CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>yyyy-MM-dd HH:mm:ss</c>, written digit by digit: formatting by the pattern took a tenth of the writer's time in a
    /// million-row ledger, two dates a row.
    /// </summary>
    public static string DateTime(DateTime value) => string.Create(19, value, static (text, at) =>
    {
        Digits(text[..4], at.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), at.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), at.Day);
        text[10] = ' ';
        Digits(text.Slice(11, 2), at.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), at.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), at.Second);
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--, value /= 10) text[i] = (char)('0' + value % 10);
    }

    /// <summary>
    /// A date serial (days since 1899-12-30, Excel's 1900 date system) as its date-time to the nearest second; a serial
    /// no date can have (a hostile file's) stays a number.
    /// </summary>
    public static string DateTimeOfSerial(double serial) => serial is >= MinSerial and <= MaxSerial
        ? DateTime(SerialEpoch.AddSeconds(Math.Round(serial * 86_400)))
        : Number(serial);

    // Year 1 to year 9999, as far as DateTime reaches.
    private const double MinSerial = -693_593, MaxSerial = 2_958_465;
    private static readonly DateTime SerialEpoch = new(1899, 12, 30);

    public void Dispose() => _hash.Dispose();
}
