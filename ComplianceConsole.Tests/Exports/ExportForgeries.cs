using ClosedXML.Excel;
using ComplianceConsole.Features.Exports.Workbook;

namespace ComplianceConsole.Tests.Exports;

/// <summary>What someone with a spreadsheet program and the cover's public recipe can do to an export, and the cover labels they would edit.</summary>
public static class ExportForgeries
{
    public const string DigestLabel = "数据摘要 / Data digest";
    public const string MaskingLabel = "脱敏 / Masking";
    public const string SigningKeyLabel = "签名公钥指纹（SHA-256） / Signing key fingerprint (SHA-256)";
    public const string SignatureLabel = "数字签名 / Signature";
    public const string MaskedValue = "已脱敏 / Masked";

    /// <summary>One data cell changed, then the cover's digest recomputed by the recipe printed on the cover and written over the old one.</summary>
    public static byte[] DataChangedAndDigestRecomputed(byte[] export, int row, int column, string value)
    {
        using var changed = new XLWorkbook(new MemoryStream(export));
        changed.Worksheet(2).Cell(row, column).Value = value;
        var edited = Save(changed);
        var recomputed = ExportWorkbookReader.Read(new MemoryStream(edited)).DataDigest;
        return CoverEdited(edited, DigestLabel, recomputed);
    }

    public static byte[] CoverEdited(byte[] export, string label, string value)
    {
        using var book = new XLWorkbook(new MemoryStream(export));
        book.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(2).Value = value;
        return Save(book);
    }

    /// <summary>Opened and saved again with no edit.</summary>
    public static byte[] Resaved(byte[] export)
    {
        using var book = new XLWorkbook(new MemoryStream(export));
        return Save(book);
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
