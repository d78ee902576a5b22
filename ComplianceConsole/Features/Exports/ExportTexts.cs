using System.Collections.Concurrent;
using System.Globalization;
using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// Texts that a workbook carries in both languages at once ("中文 / English"), whoever asked for it: headers from
/// <c>ExportColumn.{Key}</c>, the kind from <c>ExportKind.{Kind}</c>, filters from <c>ExportFilter.{Key}</c>, cover labels.
/// </summary>
public sealed class ExportTexts(IStringLocalizer<SharedResource> localizer)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(Cultures.Default);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private readonly ConcurrentDictionary<string, string> _codes = new();

    public string Bilingual(string key, params object[] arguments)
    {
        var chinese = In(Chinese, key, arguments);
        var english = In(English, key, arguments);
        return chinese == english ? chinese : $"{chinese} / {english}";
    }

    /// <summary>A longer text in both languages, Chinese first, one after the other (a pack's README).</summary>
    public string BothLanguages(string key, params object[] arguments) => In(Chinese, key, arguments) + "\n\n" + In(English, key, arguments);

    /// <summary>Both languages' text, or <paramref name="fallback"/> when the key has no text (an action code from a newer version).</summary>
    public string BilingualOr(string key, string fallback)
    {
        var text = Bilingual(key);
        return text == key ? fallback : text;
    }

    /// <summary>
    /// A code value as both languages name it, from <c>{prefix}.{value}</c> (the prefix is the enum's name unless given), e.g.
    /// <c>删除 / Removed</c>; the value's name when no text exists. Each value is looked up once per export.
    /// </summary>
    public string Code<TEnum>(TEnum value, string? prefix = null) where TEnum : struct, Enum
    {
        var key = $"{prefix ?? typeof(TEnum).Name}.{value}";
        return _codes.GetOrAdd(key, k => BilingualOr(k, value.ToString()));
    }

    /// <summary>是 / Yes or 否 / No.</summary>
    public string YesNo(bool value) => Bilingual(value ? "Common.Yes" : "Common.No");

    public string KindName(ExportKind kind) => Bilingual($"ExportKind.{kind}");

    /// <summary>The kind as the reader's own language names it (the name itself when no label exists yet).</summary>
    public static string KindLabel(IStringLocalizer localizer, ExportKind kind)
    {
        var label = localizer[$"ExportKind.{kind}"];
        return label.ResourceNotFound ? kind.ToString() : label.Value;
    }

    private string In(CultureInfo culture, string key, object[] arguments)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            var text = localizer[key, arguments];
            return text.ResourceNotFound ? key : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
