using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Data;

namespace ComplianceConsole.Features.Exports.Signing;

/// <summary>
/// The console's export signing key: ECDSA P-256 over SHA-256, signatures as DER (what
/// <c>openssl dgst -sha256 -verify key.pem -signature sig.der</c> checks). The private key lives outside the database, in
/// <c>export-signing-private-key.pem</c> in the data folder (or the file named by <c>ComplianceConsole:ExportSigningKeyFile</c>),
/// created owner-only on first run: someone who can write to the database or edit a workbook but does not hold this
/// file cannot sign. Anyone may have the public key (<see cref="PublicKeyPem"/>); <see cref="Fingerprint"/> names it.
/// </summary>
public sealed class ExportSigner : IDisposable
{
    public const string ConfigurationKey = "ComplianceConsole:ExportSigningKeyFile";
    public const string DefaultFileName = "export-signing-private-key.pem";

    /// <summary>The name the public key is downloaded under (the README's offline check uses it).</summary>
    public const string PublicKeyFileName = "export-signing-key.pem";

    private readonly ECDsa _key;

    public ExportSigner(ECDsa key)
    {
        if (key.KeySize != 256) throw new InvalidOperationException("The export signing key must be ECDSA P-256.");
        _key = key;
        var publicKey = key.ExportSubjectPublicKeyInfo();
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", publicKey) + "\n";
        Fingerprint = FingerprintOf(publicKey);
    }

    /// <summary>The public key (SubjectPublicKeyInfo) as PEM, for anyone who checks a signature.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Lowercase hex SHA-256 of the public key's SubjectPublicKeyInfo DER, as printed on every cover.</summary>
    public string Fingerprint { get; }

    public byte[] Sign(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public bool Verify(byte[] data, byte[] signature)
    {
        try
        {
            return _key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Signs a text's UTF-8 bytes; the signature as base64 of its DER.</summary>
    public string SignText(string text) => Convert.ToBase64String(Sign(Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="base64Signature"/> is this key's signature of the text's UTF-8 bytes; false for anything malformed.</summary>
    public bool VerifyText(string text, string? base64Signature)
    {
        var signature = new byte[(base64Signature?.Length ?? 0) * 3 / 4];
        return Convert.TryFromBase64String(base64Signature ?? "", signature, out var length) && length > 0
            && Verify(Encoding.UTF8.GetBytes(text), signature[..length]);
    }

    public static string FingerprintOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    public static ExportSigner Load(IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration[ConfigurationKey];
        var path = string.IsNullOrWhiteSpace(configured) ? dataFolder.File(DefaultFileName) : Path.GetFullPath(configured);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(configured)) throw new FileNotFoundException($"The export signing key file {path} does not exist.");
            CreateKeyFile(path);
        }
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new ExportSigner(key);
    }

    private static void CreateKeyFile(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Security.Files.OwnerOnlyKeyFile.CreateOnce(path, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void Dispose() => _key.Dispose();
}
