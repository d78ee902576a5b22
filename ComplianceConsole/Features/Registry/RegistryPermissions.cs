namespace ComplianceConsole.Features.Registry;

public static class RegistryPermissions
{
    /// <summary>See consents, assessments, launches, filings, evidence files and what falls due.</summary>
    public const string Read = "Registry.Read";

    /// <summary>Record and change them, upload evidence, keep retention rules and legal holds.</summary>
    public const string Manage = "Registry.Manage";

    /// <summary>The platform records a biometric-editing consent or its withdrawal (an API key scope).</summary>
    public const string RecordConsent = "Consents.Record";

    /// <summary>The platform asks whether a valid consent exists before a face or voice is edited (an API key scope).</summary>
    public const string CheckConsent = "Consents.Check";
}
