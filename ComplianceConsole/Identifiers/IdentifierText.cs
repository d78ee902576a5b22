using System.Text;

namespace ComplianceConsole.Identifiers;

/// <summary>Normalises identifiers typed or pasted by people: full-width to half-width, no white space, upper case.</summary>
public static class IdentifierText
{
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var half = c switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            };
            if (!char.IsWhiteSpace(half)) text.Append(char.ToUpperInvariant(half));
        }
        return text.ToString();
    }
}
