namespace ComplianceConsole.Security;

/// <summary>Sign-in limits beside each account's own lockout, from <c>ComplianceConsole:SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string Section = "ComplianceConsole:SignIn";

    /// <summary>
    /// Failed sign-in attempts one client address may make a minute, whatever the accounts: enough for a team behind one
    /// office address, far too few to try passwords across many accounts (each of which locks after five failures).
    /// </summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 30;
}
