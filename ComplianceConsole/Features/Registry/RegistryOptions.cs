namespace ComplianceConsole.Features.Registry;

/// <summary>Configuration <c>ComplianceConsole:Registry</c>: evidence upload limits.</summary>
public sealed class RegistryOptions
{
    public const string Section = "ComplianceConsole:Registry";

    public long EvidenceMaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Accepted extensions; each must also be one <see cref="EvidenceFileTypes"/> knows how to check.</summary>
    public string[] EvidenceExtensions { get; set; } = [".pdf", ".png", ".jpg", ".jpeg", ".docx", ".xlsx", ".txt"];
}
