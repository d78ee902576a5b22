using System.Net;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Verification;

namespace ComplianceConsole.Tests.Security;

/// <summary>Return urls from the query string (sign-in, language and theme switches) lead back into this site or home, never elsewhere and never to a 500.</summary>
public sealed class ReturnUrlTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    public static TheoryData<string> OffSite =>
    [
        "https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/%09/evil.example".Replace("%09", "\t"),
        "/\r\n/evil.example", "/.//evil.example", "/\0", "javascript:alert(1)", "evil.example", "~//evil.example", "",
    ];

    [Theory]
    [MemberData(nameof(OffSite))]
    public void Anything_a_browser_could_read_as_another_site_goes_home(string url) =>
        Assert.Equal("/", LocalReturnUrl.OrHome(url));

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/verification?status=Pending#top", "/verification?status=Pending#top")]
    [InlineData("/audit?actor=a%40b.cn", "/audit?actor=a%40b.cn")]
    [InlineData("/记录 1", "/%E8%AE%B0%E5%BD%95%201")]
    public void A_path_on_this_site_is_kept_escaped_for_the_location_header(string url, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.OrHome(url));

    [Theory]
    [InlineData("/preferences/theme?mode=dark&returnUrl=")]
    [InlineData("/preferences/culture?culture=en&returnUrl=")]
    public async Task Preference_switches_send_off_site_return_urls_home(string switchUrl)
    {
        foreach (var evil in new[] { "/%09/evil.example", "//evil.example", "/%5Cevil.example", "https%3A%2F%2Fevil.example", "/%0D%0A/evil.example", "/%00" })
        {
            var response = await app.App.CreateBrowserlikeClient().GetAsync(switchUrl + evil);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }
        var local = await app.App.CreateBrowserlikeClient().GetAsync(switchUrl + "%2Fverification%3Fstatus%3DPending");
        Assert.Equal("/verification?status=Pending", local.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2Fphish")]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2F%2Fevil.example")]
    public async Task Signing_in_with_an_off_site_return_url_lands_home(string returnUrl)
    {
        var response = await Forms.PostAsync(app.App.CreateBrowserlikeClient(), "/Account/Login?ReturnUrl=" + returnUrl, "login",
            new() { ["Input.Email"] = VerificationApp.Verifier, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", LocalPath(response));
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for()
    {
        var response = await Forms.PostAsync(app.App.CreateBrowserlikeClient(), "/Account/Login?ReturnUrl=%2Fverification%3Fstatus%3DPending", "login",
            new() { ["Input.Email"] = VerificationApp.Verifier, ["Input.Password"] = TestApp.Password });
        Assert.Equal("/verification?status=Pending", LocalPath(response));
    }

    /// <summary>The redirect's target on this site; fails if it leaves the site.</summary>
    private static string LocalPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location!;
        if (!location.IsAbsoluteUri) return location.OriginalString;
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }
}
