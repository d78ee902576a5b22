using System.Net;
using System.Net.Sockets;
using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Webhooks;

public enum AddressClass { Public, Loopback, LinkLocal, Private, UniqueLocal, Unspecified, Reserved }

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
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return new("Url", "Webhooks.Url.SchemeNotAllowed", uri.Scheme);
        if (string.IsNullOrEmpty(uri.Host)) return new("Url", "Webhooks.Url.Invalid");
        if (uri.UserInfo.Length > 0) return new("Url", "Webhooks.Url.CredentialsNotAllowed");
        if (allowPrivateAddresses) return null;
        if (uri.IsLoopback || IsLocalName(uri.IdnHost)) return new("Url", $"Webhooks.Url.{AddressClass.Loopback}", uri.Host);
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && Classify(address) is not AddressClass.Public and var refused)
        {
            return new("Url", $"Webhooks.Url.{refused}", uri.Host);
        }
        return null;
    }

    // Names that resolve to this machine whatever DNS says.
    private static bool IsLocalName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where an address leads: anything but <see cref="AddressClass.Public"/> is refused unless private addresses are allowed.</summary>
    public static AddressClass Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => AddressClass.Unspecified,
                [127, ..] => AddressClass.Loopback,
                [169, 254, ..] => AddressClass.LinkLocal,
                [10, ..] or [192, 168, ..] => AddressClass.Private,
                [172, >= 16 and <= 31, ..] or [100, >= 64 and <= 127, ..] => AddressClass.Private,
                [>= 224, ..] => AddressClass.Reserved, // multicast, reserved and broadcast
                _ => AddressClass.Public,
            };
        }
        if (address.Equals(IPAddress.IPv6None)) return AddressClass.Unspecified;
        if (IPAddress.IsLoopback(address)) return AddressClass.Loopback;
        if (address.IsIPv6LinkLocal) return AddressClass.LinkLocal;
        if (address.IsIPv6SiteLocal) return AddressClass.Private;
        if (address.IsIPv6UniqueLocal) return AddressClass.UniqueLocal;
        if (address.IsIPv6Multicast) return AddressClass.Reserved;
        return AddressClass.Public;
    }
}
