namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>What a sanction does while it is in force: which kinds stop a user publishing, and which of several counts.</summary>
public static class SanctionRules
{
    /// <summary>In force: not lifted, started, and not yet ended.</summary>
    public static bool IsActive(DateTime startsAtUtc, DateTime? endsAtUtc, DateTime? liftedAtUtc, DateTime nowUtc) =>
        liftedAtUtc is null && startsAtUtc <= nowUtc && (endsAtUtc is null || endsAtUtc > nowUtc);

    /// <summary>A warning is on record but the user may still publish; every other kind stops publishing while in force.</summary>
    public static bool BlocksPublishing(SanctionKind kind) => kind != SanctionKind.Warning;

    /// <summary>
    /// The sanction that speaks for the user among those in force: the most severe, and of equal kinds the one that
    /// lasts longest (no end outlasts any end). Null when none is in force.
    /// </summary>
    public static ActiveSanction? Strongest(IEnumerable<ActiveSanction> sanctions, DateTime nowUtc) =>
        sanctions.Where(s => IsActive(s.StartsAtUtc, s.EndsAtUtc, s.LiftedAtUtc, nowUtc))
            .OrderByDescending(s => s.Kind)
            .ThenByDescending(s => s.EndsAtUtc ?? DateTime.MaxValue)
            .FirstOrDefault();
}

/// <summary>The fields of a sanction that decide whether and how it is in force.</summary>
public sealed record ActiveSanction(SanctionKind Kind, DateTime StartsAtUtc, DateTime? EndsAtUtc, DateTime? LiftedAtUtc);
