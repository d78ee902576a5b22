namespace ComplianceConsole.Security.Pii;

public static class PiiPermissions
{
    /// <summary>See an identifier or real name unmasked, for one view, with a recorded reason.</summary>
    public const string Reveal = "Pii.Reveal";
}
