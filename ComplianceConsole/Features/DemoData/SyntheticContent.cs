using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// Invented but realistic material for the review feature: a feature library of Chinese and English keywords and
/// regular expressions such as a provider keeps, and content items as a platform sends them, of which a few per
/// cent hit the library and a few carry missing, tampered or contradictory labels. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticContent(int seed)
{
    private static readonly string[] Leads = ["一键", "免费", "高清", "最新", "内部", "独家", "破解版", "低价", "私人", "正规", "秒出", "包过", "无限", "匿名", "急招", "真人", "定制", "批量", "稳定", "全网"];
    private static readonly string[] Cores =
    [
        "换脸", "变声", "代孕", "赌博", "刷单", "办证", "发票", "枪支", "毒品", "翻墙", "裸聊", "诈骗", "洗钱", "博彩", "外挂", "跑分", "套现", "贷款", "冒充客服", "仿冒明星",
        "伪造新闻", "虚假疫情", "换脸视频", "声音克隆", "人脸解锁", "身份证照片", "银行卡", "黑产", "私彩", "传销", "代考", "假证", "刷流量", "水军", "深度伪造", "AI脱衣", "一夜暴富", "内幕消息", "地震预言", "食品谣言",
    ];
    private static readonly string[] Tails = ["教程", "软件", "服务", "群", "渠道", "平台", "app", "链接", "资源", "工具"];
    private static readonly string[] EnglishLeads = ["free", "cheap", "instant", "private", "leaked", "uncensored", "real", "hd", "unlimited", "secret"];
    private static readonly string[] EnglishCores =
    [
        "deepfake", "face swap", "voice clone", "nude", "casino", "betting", "fake id", "fake passport", "crypto doubling", "loan", "escort", "hacked account", "carding", "ddos", "phishing kit",
        "celebrity porn", "undress ai", "fake news", "miracle cure", "pump and dump",
    ];
    private static readonly string[] EnglishTails = ["tutorial", "app", "service", "group", "link", "download", "generator", "bot", "site", "kit"];
    private static readonly string[] PatternLeads = ["加", "联系", "私信", "咨询", "详情", "看", "找", "扫码", "进群", "客服"];
    private static readonly string[] PatternTemplates =
    [
        @"{0}\s*(?:微信|vx|v信|wx|薇信)\s*[:：]?\s*[a-z][a-z0-9_-]{{5,19}}",
        @"{0}\s*(?:qq|扣扣)\s*[:：]?\s*[1-9]\d{{4,10}}",
        @"{0}\s*(?:电报|telegram|tg)\s*[:：@]?\s*[a-z0-9_]{{5,32}}",
        @"{0}[^。！!]{{0,12}}1[3-9]\d{{9}}",
        @"{0}[^。]{{0,20}}https?://[a-z0-9.-]+\.(?:xyz|top|vip|club|cc)\b",
        @"{0}\s*(?:日|月|周)\s*(?:赚|入|结)\s*\d{{3,6}}\s*(?:元|块|万)",
        @"{0}[^。]{{0,10}}(?:代|帮)\s*(?:开|办)\s*(?:发票|证件|学历|驾照)",
        @"{0}[^。]{{0,10}}(?:稳赚|包赢|保本)\s*(?:不赔|高收益)",
        @"{0}[^。]{{0,10}}(?:usdt|比特币|泰达币)\s*(?:收|出|兑)",
        @"{0}[^。]{{0,10}}(?:内部|限时)\s*(?:名额|通道)\s*\d{{1,3}}\s*个",
    ];
    private static readonly string[] Sentences =
    [
        "今天用新模型生成了一段城市夜景的视频", "这段配音是用声音合成做的旁白", "分享一个写诗的小助手生成的作品", "周末去西湖拍的照片做了风格迁移",
        "给孩子讲睡前故事的有声书", "产品发布会的虚拟主播片段", "古风人物插画，模型生成后手工修了细节", "公司年会的数字人主持稿",
        "学习英语的对话练习", "新春贺卡模板，欢迎取用", "老照片修复上色前后对比", "虚拟展厅的三维场景漫游", "旅游攻略自动生成的行程",
        "AI generated landscape for a desktop wallpaper", "a short story written with a language model", "voice-over for a product demo",
    ];
    private static readonly string[] Fillers = ["，", "。", "！", "～", " ", "，大家觉得怎么样？", "，欢迎交流。", "，仅供娱乐。", "#AI创作# ", "（已标注人工智能生成）"];

    private readonly Random _random = new(seed);
    private string[] _keywords = [];

    public Random Random => _random;

    /// <summary>Keywords (four in five Chinese) and patterns, each a distinct rule with a reason code from the taxonomy.</summary>
    public IReadOnlyList<FeatureRule> FeatureLibrary(int keywords, int patterns, DateTime nowUtc)
    {
        var chinese = Leads.SelectMany(l => Cores.SelectMany(c => Tails.Select(t => l + c + t)));
        var english = EnglishLeads.SelectMany(l => EnglishCores.SelectMany(c => EnglishTails.Select(t => $"{l} {c} {t}")));
        _keywords = chinese.Take(keywords * 4 / 5).Concat(english.Take(keywords - keywords * 4 / 5)).ToArray();
        var patternValues = PatternLeads.SelectMany(lead => PatternTemplates.Select(template => string.Format(template, lead))).Take(patterns);
        var violations = ReviewReasonCodes.Violations.Select(r => r.Code).ToArray();
        FeatureRule Rule(FeatureRuleKind kind, string value, int i) => new()
        {
            Kind = kind, Value = value, ReasonCode = violations[i % violations.Length], Note = "synthetic", Enabled = true,
            CreatedAtUtc = nowUtc, CreatedByName = "seed", UpdatedAtUtc = nowUtc, UpdatedByName = "seed",
        };
        return [.. _keywords.Select((k, i) => Rule(FeatureRuleKind.Keyword, k, i)), .. patternValues.Select((p, i) => Rule(FeatureRuleKind.Pattern, p, i))];
    }

    /// <summary>
    /// An item as the platform sends it: an excerpt of 60 to 250 characters, about 3 in 100 carrying a library keyword and
    /// 2 in 100 a contact a pattern catches; labels present on about 93 in 100.
    /// </summary>
    public ContentSubmission Item(string externalId, string authorExternalId, DateTime publishedAtUtc)
    {
        var text = new StringBuilder();
        var length = _random.Next(60, 250);
        while (text.Length < length) text.Append(Sentences[_random.Next(Sentences.Length)]).Append(Fillers[_random.Next(Fillers.Length)]);
        var roll = _random.Next(100);
        if (roll < 3 && _keywords.Length > 0) text.Insert(_random.Next(text.Length), _keywords[_random.Next(_keywords.Length)]);
        else if (roll < 5) text.Append(PatternLeads[_random.Next(PatternLeads.Length)]).Append("微信：").Append("ai_").Append(_random.Next(100_000, 999_999));
        var media = (MediaType)_random.Next(1, 6);
        var labels = _random.Next(100);
        var explicitLabel = labels switch { < 3 => LabelStatus.Missing, < 4 => LabelStatus.Tampered, _ => LabelStatus.Present };
        var implicitLabel = labels switch { >= 4 and < 6 => LabelStatus.Missing, 6 => LabelStatus.Tampered, _ => LabelStatus.Present };
        var declared = labels != 7; // one in a hundred says "not AI" while its AIGC label says AI-generated
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return new ContentSubmission(externalId, authorExternalId, null, media, (SynthesisCategory)_random.Next(1, 6), text.ToString(0, Math.Min(text.Length, ContentRules.MaxExcerptLength)),
            $"https://media.platform.example.cn/{media.ToString().ToLowerInvariant()}/{id}", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), declared,
            implicitLabel == LabelStatus.Missing ? null
                : new AigcLabelFields(1, "001191101080000000000000000000001", $"p-{id}", "001191101080000000000000000000001", $"d-{id}",
                    Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), null),
            implicitLabel, explicitLabel, publishedAtUtc);
    }
}
