using System.Text;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// How content text is cut into the terms its full-text index holds, and a search into the terms it asks for. Chinese is
/// written without spaces, and neither SQLite's unicode61 tokenizer nor PostgreSQL's parsers segment it: a sentence would be
/// one "word". So the text is normalised (NFKC, lower case), split into runs of letters and digits, and every run cut into
/// overlapping pairs of characters (bigrams): <c>深度伪造</c> → <c>深度 度伪 伪造</c>. A search run is cut the same way and asked for
/// as a phrase (the bigrams next to one another), which finds exactly the texts holding it inside a run: a two-character
/// word is one term, <c>AI换脸</c> three. Runs are kept apart by a gap, so a phrase never spans punctuation or a space.
/// A single character alone cannot be searched (it has no bigram); words of a search must all be found (AND).
/// </summary>
public static class SearchTerms
{
    /// <summary>Between runs in SQLite's token stream: never a bigram (three characters), so no phrase reaches across it.</summary>
    public const string Gap = "zz0";

    /// <summary>The most characters of a search that are used (a search is a few words, never a text).</summary>
    public const int MaxSearchLength = 100;

    /// <summary>The runs of letters and digits of a text, normalised as the feature library compares text; each at least one character.</summary>
    public static IEnumerable<string> Runs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var normalised = FeatureMatcher.Normalise(text);
        var start = -1;
        for (var at = 0; at < normalised.Length;)
        {
            Rune.DecodeFromUtf16(normalised.AsSpan(at), out var rune, out var length); // a lone surrogate reads as U+FFFD, which ends a run
            if (Rune.IsLetterOrDigit(rune))
            {
                if (start < 0) start = at;
            }
            else if (start >= 0)
            {
                yield return normalised[start..at];
                start = -1;
            }
            at += length;
        }
        if (start >= 0) yield return normalised[start..];
    }

    /// <summary>The text's bigrams run by run, as strings: what is indexed (<see cref="EachBigram"/> cuts them), and what a search asks for.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ForText(string? text)
    {
        var runs = new List<List<string>>();
        EachBigram(text, (bigram, run) =>
        {
            if (run == runs.Count) runs.Add([]);
            runs[run].Add(bigram.ToString());
        });
        return runs;
    }

    /// <summary>A bigram as a slice of the normalised text, with the number of its run (counting only runs that have a bigram, from 0).</summary>
    public delegate void BigramVisitor(ReadOnlySpan<char> bigram, int run);

    /// <summary>
    /// A text's bigrams in order, as slices of the normalised text: what the index stores for every item, cut with no string per
    /// run or bigram (those were about a fifth of all the memory ingestion allocated).
    /// </summary>
    public static void EachBigram(string? text, BigramVisitor visit)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var normalised = FeatureMatcher.Normalise(text).AsSpan();
        var (run, previous, runHasBigram) = (0, -1, false); // previous: where the run's last character starts, -1 outside a run
        for (var at = 0; at < normalised.Length;)
        {
            Rune.DecodeFromUtf16(normalised[at..], out var rune, out var length); // a lone surrogate reads as U+FFFD, which ends a run
            if (Rune.IsLetterOrDigit(rune))
            {
                if (previous >= 0)
                {
                    visit(normalised[previous..(at + length)], run);
                    runHasBigram = true;
                }
                previous = at;
            }
            else
            {
                if (runHasBigram) run++;
                (previous, runHasBigram) = (-1, false);
            }
            at += length;
        }
    }

    /// <summary>The phrases a search asks for, one per run of two characters or more; empty when it has none.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ForSearch(string? search) =>
        ForText(search is { Length: > MaxSearchLength } ? search[..MaxSearchLength] : search).Distinct(PhraseComparer.Instance).ToList();

    private sealed class PhraseComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly PhraseComparer Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x!.SequenceEqual(y!);

        public int GetHashCode(IReadOnlyList<string> obj) => string.Join(' ', obj).GetHashCode(StringComparison.Ordinal);
    }
}
