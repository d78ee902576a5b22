using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ComplianceConsole.Localization;

/// <summary>
/// MudBlazor's own texts (pager, column menu, date picker, close buttons) from the app's string table under
/// the key <c>Mud.{MudBlazor key}</c>; in English, MudBlazor's built-in English is used.
/// </summary>
internal sealed class MudComponentLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        if (Cultures.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture)) return new LocalizedString(key, key, resourceNotFound: true);
        // MudBlazor fills placeholders such as {first_item} itself: format only when it passes arguments.
        var translated = arguments.Length == 0 ? localizer[$"Mud.{key}"] : localizer[$"Mud.{key}", arguments];
        return new LocalizedString(key, translated.Value, translated.ResourceNotFound);
    }
}
