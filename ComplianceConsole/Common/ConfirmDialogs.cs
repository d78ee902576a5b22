using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplianceConsole.Common;

/// <summary>
/// The one way pages ask "are you sure?": Escape cancels, as in any dialog (a form dialog does not close on it, so nothing typed
/// is lost by a stray key; a confirmation holds nothing typed).
/// </summary>
public static class ConfirmDialogs
{
    private static DialogOptions Options => new() { CloseOnEscapeKey = true };

    /// <summary>True only when the person chose <paramref name="yesText"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yesText, string cancelText) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yesText, cancelText: cancelText, options: Options) == true;

    /// <inheritdoc cref="ConfirmAsync(IDialogService, string, string, string, string)"/>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, MarkupString message, string yesText, string cancelText) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yesText, cancelText: cancelText, options: Options) == true;
}
