using System.Net;
using ComplianceConsole.Common;
using ComplianceConsole.Security.Network;

namespace ComplianceConsole.Features.Review.Media;

/// <summary>What may be an allowed media host: a host name as a media address carries it (its ASCII form), or a public IP address.</summary>
public static class AllowedMediaHostRules
{
    public const int MaxLength = 253;

    /// <summary>The host as it is kept and compared (lower-case ASCII, punycode for an international name), or the error saying why it cannot be one.</summary>
    public static (string? Host, FieldError? Error) Normalize(string? input)
    {
        const string field = "Host";
        var text = input?.Trim() ?? "";
        if (text.Length == 0) return (null, new(field, "Validation.Required"));
        if (text.Length > MaxLength) return (null, new(field, "Validation.TooLong", MaxLength));
        if (text.Contains("://", StringComparison.Ordinal) || text.IndexOfAny(['/', '?', '#', '@', '\\', ' ']) >= 0)
            return (null, new(field, "MediaHosts.NotAHost"));
        var kind = Uri.CheckHostName(text);
        if (kind == UriHostNameType.Unknown) return (null, new(field, "MediaHosts.NotAHost"));
        if (kind is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(text.Trim('[', ']'), out var address)
            && SpecialAddresses.Classify(address) is not AddressClass.Public and var refused)
            return (null, new(field, "MediaHosts.NotPublic", refused));
        if (kind == UriHostNameType.Dns && OutboundAddressGuard.IsLocalName(text)) return (null, new(field, "MediaHosts.NotPublic", AddressClass.Loopback));
        return (new Uri($"http://{(kind == UriHostNameType.IPv6 && !text.StartsWith('[') ? $"[{text}]" : text)}/").IdnHost.ToLowerInvariant(), null);
    }

    /// <summary>The host of a media address as allowed hosts are kept, or null when it is not an http(s) address.</summary>
    public static string? HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && OutboundAddressGuard.IsWebAddress(uri) ? uri.IdnHost.ToLowerInvariant() : null;
}
