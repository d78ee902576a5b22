using System.Net;
using System.Net.Sockets;

namespace ComplianceConsole.Security.Network;

public enum AddressClass { Public, Loopback, LinkLocal, Private, UniqueLocal, Unspecified, Reserved, Documentation, Multicast }

/// <summary>
/// Where an address leads. The table is the rows of the IANA special-purpose address registries
/// (https://www.iana.org/assignments/iana-ipv4-special-registry, https://www.iana.org/assignments/iana-ipv6-special-registry)
/// whose "Globally Reachable" is False, plus multicast and the space outside IPv6 global unicast (2000::/3). A block of
/// the registry with a few globally reachable anycast addresses inside it (192.0.0.0/24, 2001::/23) is refused whole: no
/// webhook or media server lives on a relay anycast address. Addresses that carry an IPv4 address (IPv4-mapped,
/// IPv4-compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address they lead to.
/// </summary>
public static class SpecialAddresses
{
    private static readonly (IPNetwork Network, AddressClass Class)[] Table =
    [
        (IPNetwork.Parse("0.0.0.0/8"), AddressClass.Unspecified),
        (IPNetwork.Parse("10.0.0.0/8"), AddressClass.Private),
        (IPNetwork.Parse("100.64.0.0/10"), AddressClass.Private), // shared address space (carrier-grade NAT)
        (IPNetwork.Parse("127.0.0.0/8"), AddressClass.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), AddressClass.LinkLocal),
        (IPNetwork.Parse("172.16.0.0/12"), AddressClass.Private),
        (IPNetwork.Parse("192.0.0.0/24"), AddressClass.Reserved), // IETF protocol assignments
        (IPNetwork.Parse("192.0.2.0/24"), AddressClass.Documentation),
        (IPNetwork.Parse("192.88.99.0/24"), AddressClass.Reserved), // 6to4 relay anycast (deprecated)
        (IPNetwork.Parse("192.168.0.0/16"), AddressClass.Private),
        (IPNetwork.Parse("198.18.0.0/15"), AddressClass.Reserved), // benchmarking
        (IPNetwork.Parse("198.51.100.0/24"), AddressClass.Documentation),
        (IPNetwork.Parse("203.0.113.0/24"), AddressClass.Documentation),
        (IPNetwork.Parse("224.0.0.0/4"), AddressClass.Multicast),
        (IPNetwork.Parse("240.0.0.0/4"), AddressClass.Reserved), // reserved, and the limited broadcast 255.255.255.255

        (IPNetwork.Parse("::/128"), AddressClass.Unspecified),
        (IPNetwork.Parse("::1/128"), AddressClass.Loopback),
        (IPNetwork.Parse("64:ff9b:1::/48"), AddressClass.Private), // local-use IPv4/IPv6 translation
        (IPNetwork.Parse("100::/64"), AddressClass.Reserved), // discard-only
        (IPNetwork.Parse("100:0:0:1::/64"), AddressClass.Reserved), // dummy prefix
        (IPNetwork.Parse("2001::/23"), AddressClass.Reserved), // IETF protocol assignments: benchmarking 2001:2::/48, ORCHID 2001:10::/28, 2001:20::/28, ...
        (IPNetwork.Parse("2001:db8::/32"), AddressClass.Documentation),
        (IPNetwork.Parse("3fff::/20"), AddressClass.Documentation),
        (IPNetwork.Parse("5f00::/16"), AddressClass.Reserved), // segment routing SIDs
        (IPNetwork.Parse("fc00::/7"), AddressClass.UniqueLocal),
        (IPNetwork.Parse("fe80::/10"), AddressClass.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), AddressClass.Private), // site-local (deprecated)
        (IPNetwork.Parse("ff00::/8"), AddressClass.Multicast),
    ];

    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");
    private static readonly IPNetwork Ipv4Compatible = IPNetwork.Parse("::/96");

    /// <summary>Anything but <see cref="AddressClass.Public"/> is refused (unless configuration allows private addresses, for tests).</summary>
    public static AddressClass Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIpv4(address) is { } embedded) return Classify(embedded);
        foreach (var (network, addressClass) in Table)
        {
            if (network.Contains(address)) return addressClass;
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6 && !GlobalUnicast.Contains(address) ? AddressClass.Reserved : AddressClass.Public;
    }

    /// <summary>The IPv4 address an IPv6 address carries and leads to, if it is one of the forms that wrap one.</summary>
    public static IPAddress? EmbeddedIpv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address)) return new IPAddress(bytes.AsSpan(12, 4));
        if (SixToFour.Contains(address)) return new IPAddress(bytes.AsSpan(2, 4));
        // Teredo hides the client's address as its complement in the last 32 bits.
        if (Teredo.Contains(address)) return new IPAddress(bytes[12..16].Select(b => (byte)~b).ToArray());
        if (Ipv4Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)) return new IPAddress(bytes.AsSpan(12, 4));
        return null;
    }
}
