namespace ComplianceConsole.Common;

/// <summary>Spreadsheet cell references (<c>AB12</c>) as the workbooks we read write them.</summary>
public static class CellReferences
{
    /// <summary>The zero-based column of a reference: <c>A1</c> → 0, <c>AB12</c> → 27.</summary>
    public static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column - 1;
    }
}
