namespace ComplianceConsole.Features.Registry;

/// <summary>
/// The separate consent of a person whose face or voice a platform user edits (Art. 14): who may edit what of whom,
/// for what and for how long, how it was given, its evidence, and when it was withdrawn. The depicted person's name is
/// encrypted like all personal data; the platform names the person by its own reference.
/// </summary>
public sealed class BiometricConsent
{
    public long Id { get; set; }

    /// <summary>The platform's id of the consent (idempotent recording).</summary>
    public string ExternalId { get; set; } = "";
    public long PlatformUserId { get; set; }

    /// <summary>The platform's reference of the depicted person (an account or subject id, not a name).</summary>
    public string DepictedPersonRef { get; set; } = "";
    public byte[] DepictedPersonNameCipher { get; set; } = [];
    public BiometricEdit Edits { get; set; }
    public string Scope { get; set; } = "";
    public DateTime ValidFromUtc { get; set; }
    public DateTime? ValidUntilUtc { get; set; }
    public ConsentMethod Method { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedByName { get; set; } = "";
    public int Version { get; set; }
}
