using System.Net;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Security.Network;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Tests.Security;

/// <summary>A webhook or media address aimed at the console's own machine or a network no one outside can reach, in every spelling.</summary>
public sealed class OutboundAddressTests
{
    public static TheoryData<string, AddressClass> Refused => new()
    {
        { "0.1.2.3", AddressClass.Unspecified },
        { "10.0.0.1", AddressClass.Private },
        { "100.64.0.1", AddressClass.Private },
        { "127.0.0.1", AddressClass.Loopback },
        { "169.254.169.254", AddressClass.LinkLocal },
        { "172.16.0.1", AddressClass.Private },
        { "192.0.0.8", AddressClass.Reserved },
        { "192.0.2.1", AddressClass.Documentation },
        { "192.88.99.1", AddressClass.Reserved },
        { "192.168.1.1", AddressClass.Private },
        { "198.18.0.1", AddressClass.Reserved },
        { "198.19.255.254", AddressClass.Reserved },
        { "198.51.100.7", AddressClass.Documentation },
        { "203.0.113.9", AddressClass.Documentation },
        { "224.0.0.1", AddressClass.Multicast },
        { "240.0.0.1", AddressClass.Reserved },
        { "255.255.255.255", AddressClass.Reserved },
        { "::", AddressClass.Unspecified },
        { "::1", AddressClass.Loopback },
        { "fc00::1", AddressClass.UniqueLocal },
        { "fd12:3456::1", AddressClass.UniqueLocal },
        { "fe80::1", AddressClass.LinkLocal },
        { "fec0::1", AddressClass.Private },
        { "ff02::1", AddressClass.Multicast },
        { "2001:db8::1", AddressClass.Documentation },
        { "3fff::1", AddressClass.Documentation },
        { "2001:2::1", AddressClass.Reserved },
        { "2001:10::1", AddressClass.Reserved },
        { "2001:20::1", AddressClass.Reserved },
        { "100::1", AddressClass.Reserved },
        { "5f00::1", AddressClass.Reserved },
        { "4000::1", AddressClass.Reserved },
        { "64:ff9b:1::a00:1", AddressClass.Private },
        { "64:ff9b::7f00:1", AddressClass.Loopback }, // NAT64 of 127.0.0.1
        { "64:ff9b::a9fe:a9fe", AddressClass.LinkLocal }, // NAT64 of 169.254.169.254
        { "2002:7f00:1::", AddressClass.Loopback }, // 6to4 of 127.0.0.1
        { "2002:c0a8:101::1", AddressClass.Private }, // 6to4 of 192.168.1.1
        { "2001:0:4136:e378:8000:63bf:80ff:fffe", AddressClass.Loopback }, // Teredo, client 127.0.0.1
        { "2001:0:4136:e378:8000:63bf:f5ff:fffe", AddressClass.Private }, // Teredo, client 10.0.0.1
        { "::ffff:127.0.0.1", AddressClass.Loopback },
        { "::ffff:10.0.0.1", AddressClass.Private },
        { "::127.0.0.1", AddressClass.Loopback }, // IPv4-compatible
        { "::192.168.0.1", AddressClass.Private },
    };

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("121.40.1.10")]
    [InlineData("2400:3200::1")]
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")] // 6to4 of 8.8.8.8
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")] // Teredo, client 8.8.8.8
    public void A_globally_reachable_address_is_public_in_any_wrapping(string address) =>
        Assert.Equal(AddressClass.Public, SpecialAddresses.Classify(IPAddress.Parse(address)));

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_address_that_is_not_globally_reachable_is_refused_at_registration_saying_why(string address, AddressClass expected)
    {
        Assert.Equal(expected, SpecialAddresses.Classify(IPAddress.Parse(address)));
        Assert.Equal($"Webhooks.Url.{expected}", WebhookRules.CheckUrl(UrlOf(address), allowPrivateAddresses: false)?.MessageKey);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_address_that_is_not_globally_reachable_is_refused_at_connect_time(string address, AddressClass expected)
    {
        using var client = new HttpClient(OutboundAddressGuard.Handler(() => false));
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(UrlOf(address), TestContext.Current.CancellationToken));
        var refused = Assert.IsType<AddressRefusedException>(failure.InnerException);
        Assert.Contains($": {expected}", refused.Message);
    }

    [Fact]
    public async Task A_name_is_checked_on_the_address_it_resolves_to_when_connecting_and_nothing_reaches_that_host()
    {
        using var server = new LocalHttpServer();
        server.Answer("/hooks", new LocalAnswer(200));
        var viaName = $"http://localhost:{server.Port}/hooks";

        using (var guarded = new HttpClient(OutboundAddressGuard.Handler(() => false)))
        {
            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.GetAsync(viaName, TestContext.Current.CancellationToken));
            Assert.Contains("Loopback", Assert.IsType<AddressRefusedException>(failure.InnerException).Message);
        }
        Assert.Empty(server.Hits);

        using var allowed = new HttpClient(OutboundAddressGuard.Handler(() => true));
        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(viaName, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Single(server.Hits);
    }

    [Fact]
    public async Task A_webhook_answered_with_a_redirect_fails_saying_so_and_the_redirect_is_not_followed()
    {
        using var server = new LocalHttpServer();
        var url = server.Answer("/hooks", new LocalAnswer(302, Location: server.Url("/elsewhere")));
        using var sender = new WebhookSender(new FixedOptions<WebhookOptions>(new() { AllowPrivateAddresses = true }), TimeProvider.System);

        var result = await sender.SendAsync(url, "whsec_x", Guid.NewGuid(), PlatformEventTypes.DecisionMade, "{}", TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(302, result.StatusCode);
        Assert.Contains($"redirect to {server.Url("/elsewhere")} not followed", result.Error);
        Assert.Equal(["/hooks"], server.Hits);
    }

    private static string UrlOf(string address) => IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"http://[{address}]:8099/"
        : $"http://{address}:8099/";
}

internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;
    public T Get(string? name) => value;
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
