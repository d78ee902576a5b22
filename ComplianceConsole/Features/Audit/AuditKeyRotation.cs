using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>The keys a rotation put in place, by id, and where the outgoing signing key was kept.</summary>
public sealed record AuditKeysRotated(long Sequence, string HmacKeyId, string SigningKeyFingerprint, string RetiredSigningKeyPath);

/// <summary>
/// <c>rotate-audit-key</c>: a new HMAC key and a new signing key, as a recorded, signed step. The rotation event (in the chain, keyed
/// and signed with the outgoing keys) carries both public signing keys and the new HMAC key's id, signed by both signing keys; a
/// checkpoint over it is signed with the outgoing key; only then are the key files changed. A crash before that leaves the old keys in
/// use and the history whole (run it again). Earlier events stay verifiable: the HMAC key file keeps the earlier keys, and the
/// rotation links the old public key to the new.
/// </summary>
public sealed class AuditKeyRotation(IDbContextFactory<AppDbContext> contextFactory, AuditTrail audit, AuditKeys keys, AuditCheckpoints checkpoints)
{
    public async Task<AuditKeysRotated> RotateAsync(CancellationToken cancellationToken = default)
    {
        var hmacSecret = RandomNumberGenerator.GetBytes(32);
        using var nextKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var nextPrivatePem = nextKey.ExportPkcs8PrivateKeyPem() + "\n";
        using var next = new EcdsaSigner(EcdsaSigner.ReadPemText(nextPrivatePem));

        long sequence;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
            sequence = await appender.SaveAtHeadWithAuditAsync(AuditActor.System, AuditActions.AuditKeysRotated, at =>
                new AuditKeyRotationStatement(keys.Signer.PublicKeyPem, next.PublicKeyPem, keys.Hmac.CurrentId, AuditKey.IdOf(hmacSecret), at + 1)
                    .SignedBy(keys.Signer, next), cancellationToken);
            await appender.CommitAsync(cancellationToken);
        }
        await checkpoints.WriteAsync(cancellationToken);

        var hmacKeyId = AuditKey.AddKey(keys.HmacKeyPath, hmacSecret, sequence + 1);
        var retired = $"{keys.SigningKeyPath}.retired-{keys.Signer.Fingerprint[..16]}";
        File.Copy(keys.SigningKeyPath, retired, overwrite: false);
        Security.Files.OwnerOnlyKeyFile.Replace(keys.SigningKeyPath, nextPrivatePem);
        return new AuditKeysRotated(sequence, hmacKeyId, next.Fingerprint, retired);
    }
}
