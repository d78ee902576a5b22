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

    /// <summary>A code value in both languages, from <c>{keyPrefix}.{value}</c>, e.g. <c>已删除 / Removed</c>.</summary>
    public string Code<TEnum>(TEnum value, string keyPrefix) where TEnum : struct, Enum => Bilingual($"{keyPrefix}.{value}");

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
