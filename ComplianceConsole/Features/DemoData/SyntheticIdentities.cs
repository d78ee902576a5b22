using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// Realistic but invented identities for demo databases: Chinese names, resident ID numbers with real
/// province codes, real dates and correct check digits, mainland mobile numbers, credit codes with
/// correct check characters. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticIdentities(int seed)
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "欧阳", "司马", "诸葛"];
    private static readonly string GivenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志强晓东婷雪梅浩然子轩欣怡思雨宇航";
    private static readonly string[] Areas = ["110101", "110105", "310115", "320102", "330106", "440305", "440106", "510108", "420106", "610113", "370102", "350203"];
    private static readonly string[] MobilePrefixes = ["130", "131", "135", "136", "138", "139", "150", "152", "158", "177", "180", "186", "188", "191", "199"];
    private static readonly string[] CompanyWords = ["智影", "声临", "幻象", "星图", "云合", "深瞳", "灵犀", "墨言", "光年", "映画"];
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public string PersonName()
    {
        var given = _random.Next(2) == 0 ? 1 : 2;
        return Surnames[_random.Next(Surnames.Length)] + string.Concat(Enumerable.Range(0, given).Select(_ => GivenChars[_random.Next(GivenChars.Length)]));
    }

    public string CompanyName() => $"{Areas[_random.Next(Areas.Length)][..2] switch { "11" => "北京", "31" => "上海", "44" => "深圳", _ => "杭州" }}{CompanyWords[_random.Next(CompanyWords.Length)]}科技有限公司";

    public string ResidentId()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(_random.Next(365 * 55));
        var body = $"{Areas[_random.Next(Areas.Length)]}{birth:yyyyMMdd}{_random.Next(1000):D3}";
        return body + ResidentIdNumber.CheckDigit(body);
    }

    public string Mobile() => MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(100_000_000).ToString("D8");

    public string CreditCode()
    {
        var body = "91" + Areas[_random.Next(Areas.Length)] + string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCodeAlphabet[_random.Next(CreditCodeAlphabet.Length)]));
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    public string OnlineIdentityToken() => "CTID." + Convert.ToBase64String(Enumerable.Range(0, 24).Select(_ => (byte)_random.Next(256)).ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
