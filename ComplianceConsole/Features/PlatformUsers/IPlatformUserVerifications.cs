namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>A platform user's latest verification, by name: its status and method (shown as <c>Status.{name}</c> and <c>Method.{name}</c>).</summary>
public sealed record LatestVerification(string Status, string Method);

/// <summary>What verification says of a platform user, for the pages that show who a user is (a review case's author). Implemented by Verification.</summary>
public interface IPlatformUserVerifications
{
    /// <summary>The latest verification submitted for the user, or null when none was.</summary>
    Task<LatestVerification?> LatestAsync(long platformUserId, CancellationToken cancellationToken);
}
