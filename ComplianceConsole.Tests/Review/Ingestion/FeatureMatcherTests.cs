using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.Ingestion;

public sealed class FeatureMatcherTests
{
    private static long _nextId;

    private static FeatureRule Rule(FeatureRuleKind kind, string value, string reason = "fraud_impersonation") =>
        new() { Id = Interlocked.Increment(ref _nextId), Kind = kind, Value = value, ReasonCode = reason };

    [Fact]
    public void Chinese_and_English_keywords_are_found_wherever_they_are_in_the_text()
    {
        var fake = Rule(FeatureRuleKind.Keyword, "一键换脸");
        var vpn = Rule(FeatureRuleKind.Keyword, "Deepfake Tutorial");
        var matcher = new FeatureMatcher([fake, vpn, Rule(FeatureRuleKind.Keyword, "无关词语")]);

        var result = matcher.Match("最新一键换脸软件，附 deepfake tutorial 链接", null);

        Assert.Equal([fake.Id, vpn.Id], result.Matches.Select(m => m.RuleId));
        Assert.Equal("一键换脸", result.Matches[0].MatchedText);
        Assert.Equal(2, result.Matches[0].Index);
    }

    [Fact]
    public void Full_width_letters_and_digits_match_their_half_width_keyword()
    {
        var rule = Rule(FeatureRuleKind.Keyword, "AI换脸app");
        var matcher = new FeatureMatcher([rule]);

        Assert.Single(matcher.Match("下载ＡＩ换脸ＡＰＰ吧", null).Matches);
        Assert.Empty(matcher.Match("下载 AI 换脸 app 吧", null).Matches);
    }

    [Fact]
    public void Normalising_skips_ICU_only_for_text_NFKC_leaves_alone()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var text = "Ab" + (char)c;
            string expected;
            try
            {
                expected = text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                expected = text.ToLowerInvariant(); // a noncharacter ICU refuses: the text is matched as it is, never an error
            }
            Assert.Equal(expected, FeatureMatcher.Normalise(text));
        }
    }

    [Fact]
    public void Chinese_text_with_full_width_punctuation_is_normalised_as_NFKC_defines_whatever_stands_beside_it()
    {
        // Full-width forms and the ideographic space are narrowed without ICU; beside them, characters that compose or decompose
        // (a combining accent, a halfwidth katakana and its voicing mark, an ellipsis, a circled digit, a ligature) must still give NFKC.
        const string alphabet = "Ab9 换脸视频、。“”—！，：？（）ＡＺａｚ０９～\u3000\u0301\uFF76\uFF9E\u3099\u2026\u2460\uFB01\u00E9\u212B";
        var random = new Random(20261207);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant(), FeatureMatcher.Normalise(text));
        }
    }

    [Fact]
    public void Several_rules_match_one_text_each_once_and_the_longer_keyword_beside_the_shorter()
    {
        var shortRule = Rule(FeatureRuleKind.Keyword, "深度伪造");
        var longRule = Rule(FeatureRuleKind.Keyword, "深度伪造视频");
        var other = Rule(FeatureRuleKind.Keyword, "代开发票", "other_illegal");
        var matcher = new FeatureMatcher([shortRule, longRule, other]);

        var result = matcher.Match("深度伪造视频代开发票，再来一段深度伪造视频", null);

        Assert.Equal(3, result.Matches.Count);
        Assert.Equal([longRule.Id, shortRule.Id, other.Id], result.Matches.Select(m => m.RuleId));
        Assert.Equal("other_illegal", result.Matches[2].ReasonCode);
    }

    [Fact]
    public void A_pattern_matches_case_insensitively_and_reports_what_it_matched()
    {
        var rule = Rule(FeatureRuleKind.Pattern, @"(?:加|\+)\s*(?:微信|vx)\s*[:：]?\s*[a-z0-9_-]{6,}");
        var matcher = new FeatureMatcher([rule]);

        var match = Assert.Single(matcher.Match("兼职日结，加VX：abc_123456 详聊", null).Matches);
        Assert.Equal(FeatureRuleKind.Pattern, match.Kind);
        Assert.Equal("加vx:abc_123456", match.MatchedText); // compared after NFKC, which makes the full-width colon half-width
        Assert.Empty(matcher.Match("加微信", null).Matches);
    }

    [Fact]
    public void Among_many_patterns_exactly_those_that_match_are_reported()
    {
        var phone = Rule(FeatureRuleKind.Pattern, @"1[3-9]\d{9}");
        var repeated = Rule(FeatureRuleKind.Pattern, @"(?<c>哈){3}");
        var url = Rule(FeatureRuleKind.Pattern, @"https?://[a-z0-9.-]+\.xyz\b");
        var others = Enumerable.Range(0, 20).Select(i => Rule(FeatureRuleKind.Pattern, $"never{i}\\d+")).ToList();
        var matcher = new FeatureMatcher([phone, repeated, url, .. others]);

        Assert.Empty(matcher.Match("一段正常的文字 https://example.cn", null).Matches);
        Assert.Equal([phone.Id, url.Id], matcher.Match("联系 13912345678 或 http://a.xyz", null).Matches.Select(m => m.RuleId));
        Assert.Equal("哈哈哈", Assert.Single(matcher.Match("真的哈哈哈", null).Matches).MatchedText);
    }

    [Fact]
    public void A_hundred_patterns_too_large_for_one_automaton_are_still_asked_together_and_match_as_each_alone()
    {
        // A hundred patterns with bounded repeats, as a real library has: their one alternation is more than the linear engine's
        // 10,000 nodes, and every text was then searched with each pattern in turn.
        var synthetic = new ComplianceConsole.Features.DemoData.SyntheticContent(7);
        var rules = synthetic.FeatureLibrary(0, 100, DateTime.UtcNow).Select((r, i) => { r.Id = i + 1; return r; }).ToList();
        Assert.Throws<NotSupportedException>(() => FeatureMatcher.Compile(string.Join("|", rules.Select(r => $"(?:{r.Value})"))));
        var matcher = new FeatureMatcher(rules);

        Assert.Equal(0, matcher.PatternsAlone);
        var alone = rules.Select(r => (r.Id, Regex: FeatureMatcher.Compile(r.Value))).ToList();
        var texts = Enumerable.Range(0, 2_000).Select(i => FeatureMatcher.Normalise(synthetic.Item($"t{i}", "a", DateTime.UtcNow).Excerpt!)).ToList();
        var matched = 0;
        foreach (var text in texts)
        {
            var expected = alone.Where(p => p.Regex.IsMatch(text)).Select(p => p.Id).ToList();
            Assert.Equal(expected, matcher.Match(text, null).Matches.Select(m => m.RuleId));
            matched += expected.Count;
        }
        Assert.InRange(matched, 10, 1_000); // some texts match a pattern, most none
    }

    [Fact]
    public void A_pattern_kept_from_before_that_the_linear_engine_cannot_run_leaves_the_other_rules_working()
    {
        var backReference = Rule(FeatureRuleKind.Pattern, @"(\p{IsCJKUnifiedIdeographs})\1\1");
        var keyword = Rule(FeatureRuleKind.Keyword, "哈哈");
        Assert.Equal([keyword.Id], new FeatureMatcher([backReference, keyword]).Match("真的哈哈哈", null).Matches.Select(m => m.RuleId));
    }

    [Fact]
    public void A_content_hash_matches_in_either_case_and_a_disabled_rule_never_matches()
    {
        var hash = new string('a', 32) + new string('F', 32);
        var rule = Rule(FeatureRuleKind.ContentHash, hash, "pornography_violence");
        var disabled = Rule(FeatureRuleKind.Keyword, "换脸");
        disabled.Enabled = false;
        var matcher = new FeatureMatcher([rule, disabled]);

        var match = Assert.Single(matcher.Match("换脸", hash.ToLowerInvariant()).Matches);
        Assert.Equal(rule.Id, match.RuleId);
        Assert.Equal(FeatureRuleKind.ContentHash, match.Kind);
        Assert.Empty(matcher.Match("换脸", new string('0', 64)).Matches);
    }
}
