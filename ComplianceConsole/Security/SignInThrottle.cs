using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Features.Api;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Security;

/// <summary>
/// Counts sign-in attempts with the API's counter (<see cref="ApiRateCounter"/>: in the database on PostgreSQL, so every
/// instance shares the count): failures per client address per minute, and the failures for addresses that have no account, so
/// those lock out after as many failures as a real account does and nobody learns which addresses exist.
/// </summary>
public sealed class SignInThrottle(ApiRateCounter counter, TimeProvider clock, IOptions<SignInOptions> options)
{
    private const string AddressScope = "sign-in";
    private const string UnknownAccountScope = "sign-in-unknown-account";

    /// <summary>
    /// The seconds until this address may try again when its failed attempts this minute are over its allowance, else null.
    /// Only failures count, so a team behind one office address signing in each morning is never held up.
    /// </summary>
    public async Task<int?> RefusedForSecondsAsync(string? clientAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var failures = await counter.CountedAsync(AddressOf(clientAddress), AddressScope, ApiRateCounter.MinuteOf(now), cancellationToken);
        return failures < options.Value.AttemptsPerAddressPerMinute ? null : Math.Max(1, 60 - (int)(now.ToUnixTimeSeconds() % 60));
    }

    /// <summary>Counts a failed attempt from this address against its allowance for the minute.</summary>
    public Task FailedFromAddressAsync(string? clientAddress, CancellationToken cancellationToken) =>
        counter.CountAsync(AddressOf(clientAddress), AddressScope, ApiRateCounter.MinuteOf(clock.GetUtcNow()), cancellationToken);

    private static string AddressOf(string? clientAddress) => clientAddress ?? "unknown";

    /// <summary>
    /// Counts a failed attempt for an address without an account and says whether an account would now be locked out.
    /// The failures are counted in windows of the lockout's length; the address is kept only as a hash.
    /// </summary>
    public async Task<bool> FailUnknownAccountAsync(string userName, CancellationToken cancellationToken)
    {
        var lockoutMinutes = (long)StaffIdentity.LockoutDuration.TotalMinutes;
        var minute = ApiRateCounter.MinuteOf(clock.GetUtcNow());
        // Counted under the window's last minute, so housekeeping (which removes past minutes) keeps it until it ends.
        var windowEnd = minute - minute % lockoutMinutes + lockoutMinutes - 1;
        var caller = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName.Trim().ToUpperInvariant())));
        return await counter.CountAsync(caller, UnknownAccountScope, windowEnd, cancellationToken) >= StaffIdentity.MaxFailedSignIns;
    }
}
