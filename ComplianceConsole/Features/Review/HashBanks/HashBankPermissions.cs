namespace ComplianceConsole.Features.Review.HashBanks;

public static class HashBankPermissions
{
    /// <summary>Keep the hash banks: create and edit banks, add hashes by hand or by CSV, remove wrong ones. Managers.</summary>
    public const string Manage = "HashBanks.Manage";

    /// <summary>The platform adds hashes to a bank (an API key scope).</summary>
    public const string Submit = "HashBanks.Submit";
}
