using System.Text;
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
        var random = new Random(20261206);
        const string alphabet = "深度伪造换脸声音克隆生成合成内容标识ＡＢＣａｂｃabcXYZ0123４５６，。！？ 、\n\t-_@#ÅéßİẞǅⅫ①";
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Definition(text), SearchTerms.ForText(text).Select(r => string.Join(' ', r)).ToList());
        }
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
