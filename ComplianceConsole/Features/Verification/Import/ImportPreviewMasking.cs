namespace ComplianceConsole.Features.Verification.Import;

/// <summary>
/// How a preview cell is shown, by what its column means under the guessed mapping: identifiers and names masked
/// as everywhere else in the console, plain fields (user id, kind, method, time) as they are, and any column the
/// mapping does not recognise masked, since nobody knows what it holds.
/// </summary>
public static class ImportPreviewMasking
{
    public static string[] Mask(string[] cells, ImportMapping mapping)
    {
        var meaning = mapping.Columns.Where(c => c.Value is not null).ToDictionary(c => c.Value!.Value, c => c.Key);
        var method = mapping.Columns[ImportField.Method] is { } methodColumn && methodColumn < cells.Length
            ? ImportMapping.ParseMethod(cells[methodColumn])
            : null;
        return cells.Select((cell, column) => meaning.TryGetValue(column, out var field) ? MaskField(field, cell, method) : MaskUnknown(cell)).ToArray();
    }

    private static string MaskField(ImportField field, string value, VerificationMethod? method) => field switch
    {
        ImportField.Identifier => VerificationRules.Mask(method ?? VerificationMethod.NationalOnlineIdentity, value.Trim()),
        ImportField.RealName or ImportField.UserDisplayName => Identifiers.Masking.Name(value.Trim()),
        _ => value,
    };

    /// <summary>A header cell holding six digits or more is an identifier, a mobile number or a time, not a column name.</summary>
    public static bool LooksLikeData(string header) => header.Count(char.IsAsciiDigit) >= 6;

    private static string MaskUnknown(string value) => value.Length == 0 ? "" : value[0] + new string('*', Math.Min(8, value.Length - 1));
}
