using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceConsole.Features.Exports.Inspection;

/// <summary>One register in a pack: its file in the zip, its export in the history, and what the file must hash to.</summary>
public sealed record InspectionPackFile(string Name, ExportKind Kind, string Title, long ExportNumber, long Rows, string Sha256, string DataDigest);

/// <summary>
/// What an inspection pack holds and who made it, as <c>manifest.json</c>: signed with the export signing key
/// (<c>manifest.json.sig</c>, DER ECDSA over the file's bytes), so the list of files and their SHA-256 cannot be changed unseen.
/// </summary>
public sealed record InspectionPackManifest(
    long PackNumber, string Provider, string CreditCode, string PeriodFirstDay, string PeriodLastDay, string TimeZone, bool Unmasked, string? UnmaskReason,
    string RequestedBy, DateTime RequestedAtUtc, string SigningKeyFingerprint, IReadOnlyList<InspectionPackFile> Files)
{
    public const string FileName = "manifest.json", SignatureFileName = "manifest.json.sig", PublicKeyFileName = "export-signing-key.pem";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese names stay readable in the file an inspector opens.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The manifest's bytes as signed and as put in the pack (UTF-8, no byte-order mark).</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static InspectionPackManifest? Read(byte[] bytes) => JsonSerializer.Deserialize<InspectionPackManifest>(bytes, Json);
}
