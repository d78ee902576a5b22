using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Common;

/// <summary>
/// A text field's length limit as the person sees it: a counter and a message when the text is too long. Used instead of a
/// browser's maxlength, which silently drops the end of a pasted text; the service refuses an over-long text all the same.
/// </summary>
public static class TextLimits
{
    public static Func<string?, string?> Check(IStringLocalizer<SharedResource> l, int max) =>
        text => text is { Length: var length } && length > max ? l["Common.TooLong", length - max, max].Value : null;
}
