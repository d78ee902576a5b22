namespace ComplianceConsole.Features.Verification.Import;

/// <summary>What an import job needs besides its input file: the file's name and type, and which column feeds which field.</summary>
public sealed record ImportJobInput(string FileName, string Extension, IReadOnlyDictionary<ImportField, int> Columns)
{
    public ImportMapping Mapping()
    {
        var mapping = new ImportMapping();
        foreach (var (field, column) in Columns) mapping.Columns[field] = column;
        return mapping;
    }
}
