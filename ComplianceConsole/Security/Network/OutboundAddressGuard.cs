using System.Net;
using System.Net.Sockets;

namespace ComplianceConsole.Security.Network;

/// <summary>
/// The one check on every address the console itself connects to on someone else's say-so (webhook endpoints, platform media):
/// http(s) only, and only to public addresses (<see cref="SpecialAddresses"/>), checked on the URL when it is given and again
/// on the address the socket actually connects to, so a name that resolves (or later re-resolves) to this machine or a private
/// network is refused however it is spelled. Clients it makes use no proxy, no cookies and follow no redirect.
/// </summary>
public static class OutboundAddressGuard
{
    /// <summary>Why a URL's host may not be reached (a literal address or a name that is this machine), or null when it may.</summary>
    public static (AddressClass Refused, string Host)? RefusalFor(Uri uri, bool allowPrivateAddresses)
    {
        if (allowPrivateAddresses) return null;
        if (uri.IsLoopback || IsLocalName(uri.IdnHost)) return (AddressClass.Loopback, uri.Host);
        return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && SpecialAddresses.Classify(address) is not AddressClass.Public and var refused
            ? (refused, uri.Host)
            : null;
    }

    public static bool IsWebAddress(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>A handler that connects only to allowed addresses; <paramref name="allowPrivateAddresses"/> is read at each connection.</summary>
    public static SocketsHttpHandler Handler(Func<bool> allowPrivateAddresses) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowPrivateAddresses(), cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivateAddresses, CancellationToken cancellationToken)
    {
        var host = endPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivateAddresses ? addresses : addresses.Where(a => SpecialAddresses.Classify(a) == AddressClass.Public).ToArray();
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException(
                $"{host} leads only to addresses the console may not reach ({string.Join(", ", addresses.Select(a => $"{a}: {SpecialAddresses.Classify(a)}"))}).",
                addresses.Length == 0 ? AddressClass.Unspecified : SpecialAddresses.Classify(addresses[0]));
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Names that resolve to this machine whatever DNS says (RFC 6761), also written fully qualified with the root's dot.</summary>
    public static bool IsLocalName(string host)
    {
        var name = host.EndsWith('.') ? host[..^1] : host;
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class AddressRefusedException(string message, AddressClass refused) : IOException(message)
{
    public AddressClass Refused { get; } = refused;
}
