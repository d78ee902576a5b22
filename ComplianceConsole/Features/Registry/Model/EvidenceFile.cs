namespace ComplianceConsole.Features.Registry;

/// <summary>
/// A file that proves a consent or an assessment, kept encrypted in the data folder under a name of our own; its SHA-256
/// (of the file as uploaded) is what exports print, so a regulator can check a copy.
/// </summary>
public sealed class EvidenceFile
{
    public long Id { get; set; }
    public EvidenceOwner Owner { get; set; }
    public long OwnerId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";
    public string StoredName { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedByName { get; set; } = "";
}
