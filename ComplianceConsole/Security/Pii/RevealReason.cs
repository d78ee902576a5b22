namespace ComplianceConsole.Security.Pii;

/// <summary>The reason typed to see personal information unmasked, audited with the reveal: long enough to say something, short enough to read.</summary>
public static class RevealReason
{
    public const int MinLength = 4;
    public const int MaxLength = 500;
}
