using System.Net;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Security.Network;

namespace ComplianceConsole.Tests.Webhooks;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("https://platform.example.cn/hooks/compliance")]
    [InlineData("http://121.40.1.10:8080/hooks")]
    [InlineData("https://[2400:3200::1]/hooks")]
    public void A_public_http_or_https_address_is_accepted(string url) => Assert.Null(WebhookRules.CheckUrl(url, allowPrivateAddresses: false));

    [Theory]
    [InlineData("ftp://platform.example.cn/hooks", "Webhooks.Url.SchemeNotAllowed")]
    [InlineData("file:///etc/passwd", "Webhooks.Url.SchemeNotAllowed")]
    [InlineData("javascript:alert(1)", "Webhooks.Url.SchemeNotAllowed")]
    [InlineData("platform.example.cn/hooks", "Webhooks.Url.Invalid")]
    [InlineData("", "Validation.Required")]
    [InlineData("https://user:secret@platform.example.cn/hooks", "Webhooks.Url.CredentialsNotAllowed")]
    [InlineData("http://127.0.0.1:5204/api/v1/content", "Webhooks.Url.Loopback")]
    [InlineData("http://localhost:5204/", "Webhooks.Url.Loopback")]
    [InlineData("http://console.localhost/", "Webhooks.Url.Loopback")]
    [InlineData("http://localhost./", "Webhooks.Url.Loopback")] // the same names, fully qualified
    [InlineData("http://Console.LocalHost./", "Webhooks.Url.Loopback")]
    [InlineData("http://[::1]/", "Webhooks.Url.Loopback")]
    [InlineData("http://2130706433/", "Webhooks.Url.Loopback")] // 127.0.0.1 spelled as one number
    [InlineData("http://10.1.2.3/", "Webhooks.Url.Private")]
    [InlineData("http://172.20.0.5/", "Webhooks.Url.Private")]
    [InlineData("http://192.168.1.10/", "Webhooks.Url.Private")]
    [InlineData("http://100.64.0.1/", "Webhooks.Url.Private")]
    [InlineData("http://169.254.169.254/latest/meta-data", "Webhooks.Url.LinkLocal")]
    [InlineData("http://[fe80::1]/", "Webhooks.Url.LinkLocal")]
    [InlineData("http://[fd12:3456::1]/", "Webhooks.Url.UniqueLocal")]
    [InlineData("http://0.0.0.0/", "Webhooks.Url.Unspecified")]
    [InlineData("http://[::]/", "Webhooks.Url.Unspecified")]
    [InlineData("http://[::ffff:10.0.0.1]/", "Webhooks.Url.Private")]
    [InlineData("http://224.0.0.1/", "Webhooks.Url.Multicast")]
    public void Other_schemes_and_addresses_on_this_machine_or_a_private_network_are_refused_saying_why(string url, string messageKey) =>
        Assert.Equal(messageKey, WebhookRules.CheckUrl(url, allowPrivateAddresses: false)?.MessageKey);

    [Fact]
    public void Configuration_may_allow_private_addresses_but_never_other_schemes()
    {
        Assert.Null(WebhookRules.CheckUrl("http://127.0.0.1:8080/hooks", allowPrivateAddresses: true));
        Assert.Equal("Webhooks.Url.SchemeNotAllowed", WebhookRules.CheckUrl("gopher://127.0.0.1/", allowPrivateAddresses: true)?.MessageKey);
    }

    [Fact]
    public void An_endpoint_needs_a_name_and_a_known_event()
    {
        var errors = WebhookRules.Check(new WebhookEndpointForm { Name = " ", Url = "https://platform.example.cn/h", EventTypes = ["webhook.test"] }, false);
        Assert.Equal([("Name", "Validation.Required"), ("EventTypes", "Webhooks.UnknownEvent")], errors.Select(e => (e.Field, e.MessageKey)));
    }

    [Fact]
    public void Addresses_after_DNS_are_classified_the_same_way()
    {
        Assert.Equal(AddressClass.Public, SpecialAddresses.Classify(IPAddress.Parse("8.8.8.8")));
        Assert.Equal(AddressClass.Loopback, SpecialAddresses.Classify(IPAddress.Parse("127.8.9.10")));
        Assert.Equal(AddressClass.Private, SpecialAddresses.Classify(IPAddress.Parse("172.31.255.255")));
        Assert.Equal(AddressClass.Public, SpecialAddresses.Classify(IPAddress.Parse("172.32.0.1")));
    }
}

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_0123456789abcdef";
    private const string Body = """{"id":"7f0c…","type":"decision.made","occurredAt":"2026-11-25T08:00:00.0000000Z","data":{}}""";

    [Fact]
    public void The_header_carries_the_timestamp_and_an_HMAC_SHA256_of_timestamp_dot_body_in_hex()
    {
        var header = WebhookSignature.Header(Secret, 1764057600, Body);
        using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes("1764057600." + Body)));
        Assert.Equal($"t=1764057600,v1={expected}", header);
    }

    [Fact]
    public void A_receiver_accepts_the_signature_and_refuses_a_changed_body_another_secret_or_an_old_timestamp()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1764057600);
        var header = WebhookSignature.Header(Secret, now.ToUnixTimeSeconds(), Body);
        var tolerance = TimeSpan.FromMinutes(5);
        Assert.True(WebhookSignature.Verify(Secret, header, Body, now.AddSeconds(30), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body.Replace("decision.made", "sanction.lifted"), now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_other", header, Body, now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, "v1=abc", Body, now, tolerance));
    }

    [Fact]
    public void Backoff_doubles_from_the_base_with_jitter_and_stops_at_the_cap()
    {
        var options = new WebhookOptions { BackoffBaseSeconds = 10, BackoffCapSeconds = 7200 };
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(options.Backoff(1).TotalSeconds, 8, 12);
            Assert.InRange(options.Backoff(4).TotalSeconds, 64, 96);
            Assert.Equal(7200, options.Backoff(15).TotalSeconds);
        }
    }

    [Fact]
    public void Twenty_failures_at_the_defaults_span_about_a_day()
    {
        var options = new WebhookOptions();
        var span = Enumerable.Range(1, options.DisableAfterFailures - 1).Sum(n => options.Backoff(n).TotalHours);
        Assert.InRange(span, 16, 30);
    }
}
