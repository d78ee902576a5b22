using ComplianceConsole.Common;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review.Media;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Settings;

public sealed class AllowedMediaHostsTests : SetUpAppTest
{
    private async Task<Result> AddAsync(string? host)
    {
        await using var scope = App.As(TestApp.AdminEmail);
        return await scope.Get<AllowedMediaHostsService>().AddAsync(host);
    }

    private static string? ErrorKey(Result result) => Assert.Single(result.Errors).MessageKey;

    [Theory]
    [InlineData("cdn.example.cn", "cdn.example.cn")]
    [InlineData("  CDN.Example.CN ", "cdn.example.cn")]
    [InlineData("图片.例子.中国", "xn--wcsw84d.xn--fsqu00a.xn--fiqs8s")]
    [InlineData("203.0.113.0", null)]
    [InlineData("8.8.8.8", "8.8.8.8")]
    public void A_host_is_kept_in_its_lower_case_ascii_form_and_an_address_only_when_public(string input, string? kept)
    {
        var (host, error) = AllowedMediaHostRules.Normalize(input);

        Assert.Equal(kept, host);
        if (kept is null) Assert.Equal("MediaHosts.NotPublic", error?.MessageKey);
    }

    [Theory]
    [InlineData("https://cdn.example.cn", "MediaHosts.NotAHost")]
    [InlineData("cdn.example.cn/media", "MediaHosts.NotAHost")]
    [InlineData("cdn.example.cn:8443", "MediaHosts.NotAHost")]
    [InlineData("10.1.2.3", "MediaHosts.NotPublic")]
    [InlineData("[::1]", "MediaHosts.NotPublic")]
    [InlineData("localhost", "MediaHosts.NotPublic")]
    [InlineData("media.localhost.", "MediaHosts.NotPublic")]
    [InlineData("", "Validation.Required")]
    public async Task What_is_not_a_public_host_name_is_refused_saying_why(string input, string key)
    {
        Assert.Equal(key, ErrorKey(await AddAsync(input)));
    }

    [Fact]
    public async Task A_host_is_added_and_removed_with_an_audit_event_each_and_a_duplicate_is_refused_naming_it()
    {
        Assert.True((await AddAsync("media.example.cn")).Succeeded);
        var duplicate = await AddAsync("MEDIA.example.cn");

        Assert.Equal("MediaHosts.Duplicate", ErrorKey(duplicate));
        Assert.Equal(["media.example.cn"], duplicate.Errors[0].Arguments);
        await using (var scope = App.As(TestApp.AdminEmail))
        {
            var hosts = scope.Get<AllowedMediaHostsService>();
            var row = Assert.Single(await hosts.ListAsync());
            Assert.True((await hosts.RemoveAsync(row.Id)).Succeeded);
            Assert.Equal("MediaHosts.Gone", (await hosts.RemoveAsync(row.Id)).RefusalKey);
            Assert.Empty(await hosts.ListAsync());
        }
        await using var db = await App.Services.ReadContextAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.MediaHostAllowed, TestContext.Current.CancellationToken));
        Assert.Contains("media.example.cn", (await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.MediaHostRemoved, TestContext.Current.CancellationToken)).Details);
    }

    [Fact]
    public async Task Staff_without_the_settings_permission_cannot_list_or_add_hosts()
    {
        await App.CreateStaffAsync("reviewer@example.cn", Roles.Reviewer);
        await using var scope = App.As("reviewer@example.cn");

        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<AllowedMediaHostsService>().ListAsync());
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.Get<AllowedMediaHostsService>().AddAsync("cdn.example.cn"));
    }
}
