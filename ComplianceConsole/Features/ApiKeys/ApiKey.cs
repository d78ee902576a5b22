namespace ComplianceConsole.Features.ApiKeys;

/// <summary>
/// A key the provider's own systems use to call the API. Only a SHA-256 hash of the secret is stored;
/// the key itself is shown once, when it is created.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The public part of the key, shown in lists and used to find the key.</summary>
    public string Prefix { get; set; } = "";

    public string SecretHash { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedBy { get; set; }
}
