namespace ComplianceConsole.Features.Verification;

public static class VerificationPermissions
{
    public const string Read = "Verification.Read";
    public const string Decide = "Verification.Decide";
    public const string Import = "Verification.Import";

    /// <summary>The platform submits verifications through the API (an API key scope, not a staff role).</summary>
    public const string Submit = "Verification.Submit";

    /// <summary>The platform asks whether a user may publish (an API key scope).</summary>
    public const string CheckEligibility = "Verification.CheckEligibility";
}
