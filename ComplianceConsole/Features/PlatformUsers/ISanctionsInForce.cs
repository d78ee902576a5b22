namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>
/// The sanctions in force on a platform user, for whoever must answer whether the user may publish (eligibility). Implemented by
/// the feature that imposes them (review's decisions); <see cref="SanctionRules"/> says what they do.
/// </summary>
public interface ISanctionsInForce
{
    /// <summary>The sanction that speaks for the user now (<see cref="SanctionRules.Strongest"/>), or null when none is in force.</summary>
    Task<ActiveSanction?> StrongestAsync(long platformUserId, DateTime nowUtc, CancellationToken cancellationToken);
}
