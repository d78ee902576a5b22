using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.Find;

/// <summary>
/// The terms an item's text is indexed under: cut in one pass by ingestion (before its batch takes the writer's lock), they must be
/// what the definition gives, or a search stops finding text stored after the change.
/// </summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("深度伪造", new[] { "深度 度伪 伪造" })]
    [InlineData("AI换脸，教程！", new[] { "ai i换 换脸", "教程" })]
    [InlineData("ＡＢＣ全角 ok", new[] { "ab bc c全 全角", "ok" })] // full width folded to half width and lower case first
    [InlineData("一 二三", new[] { "二三" })] // a single character has no bigram and no run of its own
    [InlineData("𠀀𠀁字", new[] { "𠀀𠀁 𠀁字" })] // characters outside the BMP are one character each
    [InlineData("", new string[0])]
    public void A_text_is_cut_into_the_bigrams_of_its_runs_of_letters_and_digits(string text, string[] runs) =>
        Assert.Equal(runs, SearchTerms.ForText(text).Select(r => string.Join(' ', r)));

    [Fact]
    public void A_lone_surrogate_or_a_noncharacter_ends_a_run_instead_of_failing_the_batch() =>
        Assert.Equal(["ab", "cd"], SearchTerms.ForText("ab\ud800cd\uffff").Select(r => string.Join(' ', r)));

    [Fact]
    public void Random_mixed_texts_give_the_bigrams_of_the_definition()
    {
        foreach (var text in RandomTexts(20261206, 2_000))
            Assert.Equal(Definition(text), SearchTerms.ForText(text).Select(r => string.Join(' ', r)).ToList());
    }

    [Fact]
    public void What_each_provider_stores_is_the_definitions_bigrams_with_their_positions()
    {
        // The long text has more bigrams than a tsvector has positions: the last ones all stand at 16,383.
        foreach (var text in RandomTexts(20261207, 2_000).Append(new string('深', 20_000) + "。深度"))
        {
            var runs = Definition(text);
            Assert.Equal(runs.Count == 0 ? null : string.Join($" {SearchTerms.Gap} ", runs), ContentSearchIndex.Terms(postgreSql: false, text));
            Assert.Equal(TsVectorDefinition(runs), ContentSearchIndex.Terms(postgreSql: true, text));
        }
    }

    private static IEnumerable<string> RandomTexts(int seed, int count)
    {
        var random = new Random(seed);
        const string alphabet = "深度伪造换脸声音克隆生成合成内容标识ＡＢＣａｂｃabcXYZ0123４５６，。！？ 、\n\t-_@#ÅéßİẞǅⅫ①";
        for (var n = 0; n < count; n++)
            yield return new string(Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    /// <summary>Each bigram once with all its positions, counted on through the runs with one between runs, none past 16,383.</summary>
    private static string? TsVectorDefinition(List<string> runs)
    {
        var positions = new Dictionary<string, List<int>>();
        var position = 1;
        foreach (var run in runs)
        {
            foreach (var bigram in run.Split(' '))
            {
                if (!positions.TryGetValue(bigram, out var at)) positions[bigram] = at = [];
                at.Add(Math.Min(position++, 16383));
            }
            position++;
        }
        return positions.Count == 0 ? null : string.Join(' ', positions.Select(p => $"'{p.Key}':{string.Join(',', p.Value.Distinct())}"));
    }

    /// <summary>NFKC, lower case, runs of letters and digits, each run's neighbouring pairs of characters; runs without a pair left out.</summary>
    private static List<string> Definition(string text)
    {
        var runs = new List<string>();
        var run = new List<string>();
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().EnumerateRunes().Append(new Rune(' ')))
        {
            if (Rune.IsLetterOrDigit(rune)) run.Add(rune.ToString());
            else
            {
                if (run.Count > 1) runs.Add(string.Join(' ', run.Zip(run.Skip(1), (a, b) => a + b)));
                run.Clear();
            }
        }
        return runs;
    }
}
