using System.Globalization;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Verification.Import;

/// <summary>The fields an import fills, in the order the mapping form shows them.</summary>
public enum ImportField { ExternalUserId, UserDisplayName, UserKind, Method, Identifier, RealName, SubmittedAt }

/// <summary>Which column of the file (by index) feeds which field.</summary>
public sealed class ImportMapping
{
    public Dictionary<ImportField, int?> Columns { get; } = Enum.GetValues<ImportField>().ToDictionary(f => f, _ => (int?)null);

    public static readonly IReadOnlyList<ImportField> Required = [ImportField.ExternalUserId, ImportField.Method, ImportField.Identifier, ImportField.RealName];

    public bool IsComplete => Required.All(f => Columns[f] is not null);

    private static readonly IReadOnlyDictionary<ImportField, string[]> Aliases = new Dictionary<ImportField, string[]>
    {
        [ImportField.ExternalUserId] = ["external_user_id", "externaluserid", "user_id", "userid", "平台用户id", "用户id", "用户编号", "账号id"],
        [ImportField.UserDisplayName] = ["display_name", "displayname", "user_display_name", "昵称", "用户昵称"],
        [ImportField.UserKind] = ["user_kind", "userkind", "kind", "用户类型", "主体类型"],
        [ImportField.Method] = ["method", "verification_method", "核验方式", "认证方式", "实名方式"],
        [ImportField.Identifier] = ["identifier", "id_number", "证件号码", "证件号", "号码", "身份证号", "手机号码"],
        [ImportField.RealName] = ["real_name", "realname", "name", "真实姓名", "姓名", "名称"],
        [ImportField.SubmittedAt] = ["submitted_at", "submittedat", "submitted", "提交时间", "申请时间"],
    };

    /// <summary>A mapping guessed from the header names, Chinese or English.</summary>
    public static ImportMapping Guess(IReadOnlyList<string> headers)
    {
        var mapping = new ImportMapping();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Replace(" ", "").ToLowerInvariant();
            var field = Aliases.FirstOrDefault(a => a.Value.Contains(header)).Key;
            if (Aliases.Any(a => a.Value.Contains(header)) && mapping.Columns[field] is null) mapping.Columns[field] = i;
        }
        return mapping;
    }

    private static readonly IReadOnlyDictionary<string, VerificationMethod> MethodNames = new Dictionary<string, VerificationMethod>(StringComparer.OrdinalIgnoreCase)
    {
        ["手机号码"] = VerificationMethod.MobileNumber, ["手机"] = VerificationMethod.MobileNumber,
        ["居民身份证"] = VerificationMethod.ResidentIdCard, ["身份证"] = VerificationMethod.ResidentIdCard,
        ["统一社会信用代码"] = VerificationMethod.UnifiedSocialCreditCode,
        ["国家网络身份认证"] = VerificationMethod.NationalOnlineIdentity, ["网络身份认证"] = VerificationMethod.NationalOnlineIdentity,
    };

    public static VerificationMethod? ParseMethod(string text) =>
        MethodNames.TryGetValue(text.Trim(), out var method) ? method
        : !text.Any(char.IsDigit) && Enum.TryParse<VerificationMethod>(text.Trim(), ignoreCase: true, out var named) ? named
        : null;

    public static PlatformUserKind? ParseKind(string text) => text.Trim() switch
    {
        "" => PlatformUserKind.Individual,
        "个人" => PlatformUserKind.Individual,
        "组织" or "企业" or "机构" => PlatformUserKind.Organisation,
        var other when !other.Any(char.IsDigit) && Enum.TryParse<PlatformUserKind>(other, ignoreCase: true, out var kind) => kind,
        _ => null,
    };

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d"];

    /// <summary>A time with an offset is taken as given; one without is China Standard Time, as the files' authors write it.</summary>
    public static bool TryParseTime(string text, out DateTime? utc)
    {
        utc = null;
        text = text.Trim();
        if (text.Length == 0) return true;
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = Localization.ChinaTime.ToUtc(local);
            return true;
        }
        return false;
    }
}
