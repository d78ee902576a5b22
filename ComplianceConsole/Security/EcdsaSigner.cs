using System.Security.Cryptography;
using System.Text;

namespace ComplianceConsole.Security;

/// <summary>
/// An ECDSA P-256 key signing over SHA-256, signatures as DER (what <c>openssl dgst -sha256 -verify key.pem -signature sig.der</c>
/// checks). Anyone may have the public key (<see cref="PublicKeyPem"/>); <see cref="Fingerprint"/> names it. Loaded from a public key
/// alone, it verifies and cannot sign.
/// </summary>
public class EcdsaSigner : IDisposable
{
    private readonly ECDsa _key;

    public EcdsaSigner(ECDsa key)
    {
        if (key.KeySize != 256) throw new InvalidOperationException("The signing key must be ECDSA P-256.");
        _key = key;
        var publicKey = key.ExportSubjectPublicKeyInfo();
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", publicKey) + "\n";
        Fingerprint = FingerprintOf(publicKey);
    }

    /// <summary>The public key (SubjectPublicKeyInfo) as PEM, for anyone who checks a signature.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Lowercase hex SHA-256 of the public key's SubjectPublicKeyInfo DER.</summary>
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

    /// <summary>A private or public key from a PEM file.</summary>
    public static ECDsa ReadPem(string path) => ReadPemText(File.ReadAllText(path));

    /// <summary>
    /// The private key in a PEM file, proven able to sign; null when the file cannot be read by this account, is damaged or is
    /// not a private key (a public key alone reads, and cannot sign). Key files refuse start-up on null, each with its own message.
    /// </summary>
    public static ECDsa? TryReadPrivatePem(string path)
    {
        ECDsa? key = null;
        try
        {
            key = ReadPem(path);
            key.SignData([0], HashAlgorithmName.SHA256);
            return key;
        }
        catch (Exception unreadable) when (unreadable is ArgumentException or CryptographicException or InvalidOperationException
            or UnauthorizedAccessException or IOException)
        {
            key?.Dispose();
            return null;
        }
    }

    public static ECDsa ReadPemText(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    /// <summary>A new P-256 private key in its owner-only file (<see cref="Files.OwnerOnlyKeyFile"/>).</summary>
    public static void CreateKeyFile(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Files.OwnerOnlyKeyFile.CreateOnce(path, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void Dispose()
    {
        _key.Dispose();
        GC.SuppressFinalize(this);
    }
}
