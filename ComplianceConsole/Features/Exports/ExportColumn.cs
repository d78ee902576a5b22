namespace ComplianceConsole.Features.Exports;

/// <summary>How a cell of a column is written: identifiers and codes always as text, times as real date-time cells in CST.</summary>
public enum ExportCellType
{
    /// <summary>Free text (names, notes, reasons); neutralised so it never becomes a formula, truncated past 32,767 characters.</summary>
    Text,

    /// <summary>An identifier or code (ID number, external id, reason code, hash): text, never a number.</summary>
    Code,

    /// <summary>A UTC <see cref="DateTime"/> the workbook shows as a date-time cell in China Standard Time.</summary>
    DateTime,

    /// <summary>A calendar day (<see cref="DateOnly"/>, a China Standard Time day): a date cell, no time of day.</summary>
    Date,

    /// <summary>A whole number (<see cref="long"/> or <see cref="int"/>).</summary>
    Integer,

    /// <summary>A decimal number (<see cref="decimal"/> or <see cref="double"/>), e.g. a rate or hours late.</summary>
    Number,
}

/// <summary>
/// One column of a data sheet: its bilingual header comes from the localisation key <c>ExportColumn.{Key}</c> in
/// Chinese and English ("中文 / English"); <paramref name="Width"/> in characters (widths are set, never measured).
/// </summary>
public sealed record ExportColumn(string Key, ExportCellType Type, double Width);
