using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Review;

/// <summary>Which column of a keyword file holds the keyword, the reason code and the note: by header name, else in that order.</summary>
public sealed record KeywordImportColumns(int Keyword, int ReasonCode, int? Note)
{
    private static readonly string[] KeywordNames = ["keyword", "关键词", "关键字", "term", "value"];
    private static readonly string[] ReasonNames = ["reason_code", "reasoncode", "reason", "原因代码", "原因", "理由代码"];
    private static readonly string[] NoteNames = ["note", "备注", "说明"];

    public static KeywordImportColumns From(IReadOnlyList<string> headers)
    {
        int? Find(string[] names)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (names.Contains(headers[i].Replace(" ", "").ToLowerInvariant())) return i;
            }
            return null;
        }
        if (Find(KeywordNames) is { } keyword && Find(ReasonNames) is { } reason) return new(keyword, reason, Find(NoteNames));
        return new(0, 1, headers.Count > 2 ? 2 : null);
    }

    public string HeaderOf(string field, IReadOnlyList<string> headers)
    {
        var column = field switch
        {
            nameof(FeatureRuleForm.ReasonCode) => ReasonCode,
            nameof(FeatureRuleForm.Note) => Note,
            _ => Keyword,
        };
        return column is { } c && c < headers.Count ? headers[c] : field;
    }

    /// <summary>One data row as a keyword rule: its stored value, reason code (any case), note, and what is wrong with it.</summary>
    public KeywordImportRow Read(int rowNumber, string[] cells)
    {
        string Cell(int? column) => column is { } c && c < cells.Length ? cells[c].Trim() : "";
        var value = FeatureRuleRules.StoredValue(FeatureRuleKind.Keyword, Cell(Keyword));
        var reason = Cell(ReasonCode);
        reason = ReviewReasonCodes.All.FirstOrDefault(r => r.Code.Equals(reason, StringComparison.OrdinalIgnoreCase))?.Code ?? reason;
        var note = Cell(Note) is { Length: > 0 } n ? n : null;
        return new KeywordImportRow(rowNumber, value, reason, note, FeatureRuleRules.Validate(FeatureRuleKind.Keyword, value, reason, note));
    }
}

public sealed record KeywordImportRow(int RowNumber, string Value, string ReasonCode, string? Note, IReadOnlyList<FieldError> Errors);
