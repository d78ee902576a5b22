using ComplianceConsole.Features.Dashboard;

namespace ComplianceConsole.Features.Verification;

/// <summary>The dashboard's verification figures: what waits for a Verifier, and the decisions of every day of the period.</summary>
public sealed record VerificationDashboardFigures(DashboardPeriod Period, DateTime AsOfUtc, PendingVerifications Pending,
    IReadOnlyList<VerificationDecisionDay> Decisions) : IDashboardTileSet
{
    public Type Tiles => typeof(VerificationDashboardTiles);

    public Type Charts => typeof(VerificationDashboardCharts);
}

/// <summary>Verifications awaiting a Verifier, by how long they have waited.</summary>
public sealed record PendingVerifications(int Count, DateTime? OldestSubmittedAtUtc, int UnderOneDay, int OneToThreeDays, int ThreeToSevenDays, int OverSevenDays);

/// <summary>Verification decisions of one China Standard Time day, by the status they gave.</summary>
public sealed record VerificationDecisionDay(DateOnly Day, int Verified, int Rejected, int Other);
