using System.Net;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// Someone guessing accounts learns nothing from the answers: an address without an account costs the same password
/// hashing, gets the same page and locks out after as many failures; and one client address may only try so often.
/// </summary>
public sealed class SignInGuessingTests : IAsyncLifetime
{
    private const int AttemptsPerMinute = 2 * (StaffIdentity.MaxFailedSignIns + 1) + 1; // room for the lockout test's pairs of tries
    private const string Verifier = "verifier@example.cn";
    private const string Nobody = "nobody@example.cn";
    private readonly GuessingApp _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateStaffAsync(Verifier, Roles.Verifier);
    }

    private Task<HttpResponseMessage> TryAsync(string email, string password = "Wrong-Password-1") =>
        Forms.PostAsync(_app.CreateBrowserlikeClient(), "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task An_address_without_an_account_is_hashed_like_a_real_one_and_answered_the_same()
    {
        var verified = _app.Hasher.Verified;
        var unknown = await TryAsync(Nobody);
        Assert.Equal(verified + 1, _app.Hasher.Verified);

        var wrongPassword = await TryAsync(Verifier);
        Assert.Equal((wrongPassword.StatusCode, await Forms.TextAsync(wrongPassword)), (unknown.StatusCode, await Forms.TextAsync(unknown)));
        Assert.Contains("电子邮箱或密码不正确", await Forms.TextAsync(unknown));
    }

    [Fact]
    public async Task An_address_without_an_account_locks_out_after_as_many_failures_as_a_real_account()
    {
        for (var attempt = 1; attempt <= StaffIdentity.MaxFailedSignIns + 1; attempt++)
        {
            var (real, unknown) = (await TryAsync(Verifier), await TryAsync(Nobody));
            Assert.Equal(real.StatusCode, unknown.StatusCode);
            Assert.Equal(real.Headers.Location?.OriginalString, unknown.Headers.Location?.OriginalString);
            if (attempt >= StaffIdentity.MaxFailedSignIns) Assert.EndsWith("Account/Lockout", unknown.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task One_address_is_refused_after_its_allowance_whichever_accounts_it_tries()
    {
        await _app.CreateStaffAsync("auditor@example.cn", Roles.Auditor);
        for (var attempt = 0; attempt < AttemptsPerMinute; attempt++)
        {
            var tried = await TryAsync(attempt % 2 == 0 ? Nobody + attempt : "auditor@example.cn");
            Assert.DoesNotContain("登录尝试过多", await Forms.TextAsync(tried));
        }

        var refused = await TryAsync("auditor@example.cn", TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // not signed in, even with the right password
        Assert.Contains("来自此网络地址的登录尝试过多，请在", await Forms.TextAsync(refused));

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync("auditor@example.cn", TestApp.Password)).StatusCode);
    }

    [Fact]
    public async Task A_team_signing_in_from_one_office_address_is_never_held_up()
    {
        for (var signIn = 0; signIn <= AttemptsPerMinute; signIn++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(Verifier, TestApp.Password)).StatusCode);
        }
    }

    public ValueTask DisposeAsync()
    {
        _app.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A password hasher that counts its checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _hasher = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(ApplicationUser user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class GuessingApp() : TestApp(new Dictionary<string, string> { ["ComplianceConsole:SignIn:AttemptsPerAddressPerMinute"] = AttemptsPerMinute.ToString() })
    {
        public MovableClock Clock { get; } = new();
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
            });
        }
    }
}
