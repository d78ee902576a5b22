using System.Net;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Verification;

namespace ComplianceConsole.Tests.Api;

/// <summary>
/// A key is looked up about once a second, not on every call (<see cref="ApiKeyCache"/>): what that must not cost is a revoked
/// key that keeps working, a wrong secret let through, or a last use recorded for a call that was refused.
/// </summary>
public sealed class ApiKeyRevocationTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    private const string Eligibility = "/api/v1/users/someone/eligibility";

    [Fact]
    public async Task A_key_revoked_in_the_console_is_refused_on_its_very_next_call()
    {
        var key = await CreateKeyAsync("revoked at once");
        // The first use is recorded, and the key looked up again by the next call, which this instance then keeps.
        for (var call = 0; call < 2; call++) Assert.Equal(HttpStatusCode.OK, (await app.Platform(key).GetAsync(Eligibility)).StatusCode);

        await RevokeAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Platform(key).GetAsync(Eligibility)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_behind_a_known_prefix_is_refused_and_is_not_recorded_as_the_key_s_use()
    {
        var key = await CreateKeyAsync("guessed");
        var prefix = ApiKeySecret.PrefixOf(key)!;
        var forged = $"cc_{prefix}_{new string('A', 40)}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Platform(forged).GetAsync(Eligibility)).StatusCode);
        Assert.Null((await RowAsync(prefix)).LastUsedAtUtc);

        Assert.Equal(HttpStatusCode.OK, (await app.Platform(key).GetAsync(Eligibility)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Platform(forged).GetAsync(Eligibility)).StatusCode);
        Assert.NotNull((await RowAsync(prefix)).LastUsedAtUtc);
    }

    private async Task<string> CreateKeyAsync(string name)
    {
        await using var admin = app.App.As(TestApp.AdminEmail);
        return (await admin.Get<ApiKeyService>().CreateAsync(name, RolePermissions.ApiScopes.ToList())).Value!;
    }

    private async Task RevokeAsync(string key)
    {
        var row = await RowAsync(ApiKeySecret.PrefixOf(key)!);
        await using var admin = app.App.As(TestApp.AdminEmail);
        Assert.True((await admin.Get<ApiKeyService>().RevokeAsync(row.Id)).Succeeded);
    }

    private async Task<ApiKeyRow> RowAsync(string prefix)
    {
        await using var admin = app.App.As(TestApp.AdminEmail);
        return (await admin.Get<ApiKeyService>().ListAsync()).Single(k => k.Prefix == prefix);
    }
}
