namespace ComplianceConsole.Features.Review;

/// <summary>
/// How much work a pattern is for the linear-time engine, read from its text: the engine's cost per character grows
/// with the pattern unrolled (<c>a{1000}</c> is a thousand steps, <c>(.{0,1000}a){50}</c> fifty thousand), and a counted
/// repetition of a part that itself repeats without end (<c>(.*a){20}</c>) multiplies the states it tracks at once.
/// </summary>
public static class PatternSize
{
    public const int MaxUnrolled = 1000;
    public const int MaxCountOfUnbounded = 3;

    /// <summary>Whether the pattern stays within both bounds. Only for patterns that parse.</summary>
    public static bool IsWithinBounds(string pattern)
    {
        var frames = new Stack<(long Size, bool Unbounded)>();
        var frame = (Size: 0L, Unbounded: false);
        (long Size, bool Unbounded)? last = null;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    Flush();
                    i++;
                    if (i < pattern.Length && pattern[i] is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{') i = pattern.IndexOf('}', i);
                    last = (1, false);
                    break;
                case '[':
                    Flush();
                    i = EndOfClass(pattern, i);
                    last = (1, false);
                    break;
                case '(':
                    Flush();
                    frames.Push(frame);
                    frame = (0, false);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?') i = SkipGroupPrefix(pattern, i + 1);
                    break;
                case ')':
                    Flush();
                    last = frame;
                    frame = frames.Count > 0 ? frames.Pop() : (0, false);
                    break;
                case '*' or '+' or '?':
                    if (last is { } repeated) last = (repeated.Size, repeated.Unbounded || c != '?');
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?') i++; // lazy
                    break;
                case '{' when Count(pattern, i) is { } count:
                    if (last is { } counted)
                    {
                        if (counted.Unbounded && count.Max > MaxCountOfUnbounded) return false;
                        last = (counted.Size * count.Max, counted.Unbounded || count.Endless);
                    }
                    i = count.End;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?') i++;
                    break;
                default:
                    Flush();
                    last = (1, false);
                    break;
            }
            if (frame.Size > MaxUnrolled || last?.Size > MaxUnrolled) return false;
        }
        Flush();
        return frame.Size <= MaxUnrolled;

        void Flush()
        {
            if (last is { } part) frame = (frame.Size + part.Size, frame.Unbounded || part.Unbounded);
            last = null;
        }
    }

    private static int EndOfClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^') i++;
        if (i < pattern.Length && pattern[i] == ']') i++;
        for (; i < pattern.Length && pattern[i] != ']'; i++)
        {
            if (pattern[i] == '\\') i++;
        }
        return i;
    }

    /// <summary>After <c>(?</c>: past a name or options, to the group's first character.</summary>
    private static int SkipGroupPrefix(string pattern, int question)
    {
        var colon = pattern.IndexOfAny([':', '>', ')'], question);
        return colon < 0 ? question : (pattern[colon] == ')' ? colon - 1 : colon);
    }

    /// <summary>A counted repetition starting at <paramref name="open"/>: <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>.</summary>
    private static (long Max, bool Endless, int End)? Count(string pattern, int open)
    {
        var close = pattern.IndexOf('}', open);
        if (close < 0) return null;
        var parts = pattern[(open + 1)..close].Split(',');
        if (parts.Length > 2 || !long.TryParse(parts[0], out var min)) return null;
        if (parts.Length == 1) return (Math.Max(min, 1), false, close);
        if (parts[1].Length == 0) return (Math.Max(min, 1), true, close);
        return long.TryParse(parts[1], out var max) ? (Math.Max(max, 1), false, close) : null;
    }
}
