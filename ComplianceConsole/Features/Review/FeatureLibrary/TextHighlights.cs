namespace ComplianceConsole.Features.Review;

/// <summary>A text cut into plain and highlighted runs, for showing matches in place; overlapping matches merge.</summary>
public static class TextHighlights
{
    public static IReadOnlyList<(string Text, bool Highlighted)> Split(string text, IEnumerable<(int Index, int Length)> ranges)
    {
        var runs = new List<(string, bool)>();
        var at = 0;
        foreach (var (index, length) in ranges.Where(r => r.Length > 0 && r.Index >= 0 && r.Index + r.Length <= text.Length).OrderBy(r => r.Index))
        {
            var end = index + length;
            if (end <= at) continue;
            if (index >= at)
            {
                if (index > at) runs.Add((text[at..index], false));
                runs.Add((text[index..end], true));
            }
            else
            {
                runs[^1] = (runs[^1].Item1 + text[at..end], true); // overlaps the run just highlighted
            }
            at = end;
        }
        if (at < text.Length) runs.Add((text[at..], false));
        return runs;
    }
}
