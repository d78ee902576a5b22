using System.Globalization;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// What an <see cref="AuditActions.AuditKeysRotated"/> event records: the signing key before and after (public halves), the HMAC
/// key ids before and after and the event the new HMAC key keys from, signed by both signing keys. Only someone holding both private
/// keys can make one, so the old key vouches for the new one (an inspector who was given the first public key follows the rotations
/// forward) and the new one for the old (a verifier holding today's key follows them back).
/// </summary>
public sealed record AuditKeyRotationStatement(
    string PreviousSigningKey, string NextSigningKey, string PreviousHmacKeyId, string NextHmacKeyId, long NextHmacKeyFromSequence,
    string SignatureByPrevious = "", string SignatureByNext = "")
{
    public string SignedText() => string.Create(CultureInfo.InvariantCulture,
        $"audit-key-rotation|{Fingerprint(PreviousSigningKey)}|{Fingerprint(NextSigningKey)}|{PreviousHmacKeyId}|{NextHmacKeyId}|{NextHmacKeyFromSequence}");

    /// <summary>The statement signed by the outgoing and the incoming signing key.</summary>
    public AuditKeyRotationStatement SignedBy(EcdsaSigner previous, EcdsaSigner next) =>
        this with { SignatureByPrevious = previous.SignText(SignedText()), SignatureByNext = next.SignText(SignedText()) };

    /// <summary>Both public keys, when both signatures are theirs; null for anything else (a forged or damaged statement vouches for nothing).</summary>
    public (EcdsaSigner Previous, EcdsaSigner Next)? VerifiedKeys()
    {
        try
        {
            var previous = PublicKey(PreviousSigningKey);
            var next = PublicKey(NextSigningKey);
            return previous.VerifyText(SignedText(), SignatureByPrevious) && next.VerifyText(SignedText(), SignatureByNext) ? (previous, next) : null;
        }
        catch (Exception malformed) when (malformed is ArgumentException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            return null;
        }
    }

    private static EcdsaSigner PublicKey(string pem) => new(EcdsaSigner.ReadPemText(pem));

    private static string Fingerprint(string pem)
    {
        try
        {
            return PublicKey(pem).Fingerprint;
        }
        catch (Exception malformed) when (malformed is ArgumentException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            return "invalid";
        }
    }
}
