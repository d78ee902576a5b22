namespace ComplianceConsole.Common;

/// <summary>The one rule for names and identifiers, wherever they come from (API, pages, uploads).</summary>
public static class SafeText
{
    /// <summary>
    /// Characters no identifier or name may hold: control characters (NUL, C1 controls, and tabs or line breaks inside
    /// the text), halves of a broken surrogate pair, and the invisible direction controls that make text read
    /// differently from what it stores (<c>rtl2\u202Efdp.txt</c> shows as "rtl2txt.pdf"): the embeddings and overrides
    /// U+202A–U+202E, the isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C.
    /// </summary>
    public static bool HasForbiddenCharacters(string? text)
    {
        var trimmed = (text ?? "").AsSpan().Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsControl(c) || IsDirectionControl(c)) return true;
            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    /// <summary>The same rule for free text (a note, an excerpt, a reason), where line breaks and tabs belong to what was written.</summary>
    public static bool HasForbiddenCharactersInFreeText(string? text) =>
        HasForbiddenCharacters(text?.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '));

    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
