using ComplianceConsole.Common;
using ComplianceConsole.Security.Network;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// What an endpoint may be: a name, an absolute http(s) URL without credentials whose host is not an address on this machine
/// or a private network (unless configuration allows it, for tests), and at least one known event type.
/// </summary>
public static class WebhookRules
{
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxErrorLength = 500;

    public static List<FieldError> Check(WebhookEndpointForm form, bool allowPrivateAddresses)
    {
        var errors = new List<FieldError>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new("Name", "Validation.Required"));
        else if (name.Length > MaxNameLength) errors.Add(new("Name", "Validation.TooLong", MaxNameLength));
        if (CheckUrl(form.Url, allowPrivateAddresses) is { } urlError) errors.Add(urlError);
        if (form.EventTypes.Count == 0) errors.Add(new("EventTypes", "Webhooks.EventRequired"));
        else if (form.EventTypes.FirstOrDefault(t => !PlatformEventTypes.Subscribable.Contains(t)) is { } unknown) errors.Add(new("EventTypes", "Webhooks.UnknownEvent", unknown));
        return errors;
    }

    public static FieldError? CheckUrl(string? url, bool allowPrivateAddresses)
    {
        url = url?.Trim() ?? "";
        if (url.Length == 0) return new("Url", "Validation.Required");
        if (url.Length > MaxUrlLength) return new("Url", "Validation.TooLong", MaxUrlLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return new("Url", "Webhooks.Url.Invalid");
        if (!OutboundAddressGuard.IsWebAddress(uri)) return new("Url", "Webhooks.Url.SchemeNotAllowed", uri.Scheme);
        if (string.IsNullOrEmpty(uri.Host)) return new("Url", "Webhooks.Url.Invalid");
        if (uri.UserInfo.Length > 0) return new("Url", "Webhooks.Url.CredentialsNotAllowed");
        return OutboundAddressGuard.RefusalFor(uri, allowPrivateAddresses) is { } refusal ? new("Url", $"Webhooks.Url.{refusal.Refused}", refusal.Host) : null;
    }
}
