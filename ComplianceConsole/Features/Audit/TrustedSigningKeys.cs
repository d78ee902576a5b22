using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The signing keys a verification accepts checkpoints from, by fingerprint: the key it starts from (the console's own, or the public
/// key an inspector brought) and every key a genuine rotation links to it, back and forth. <see cref="PublicKeysOnly"/> when it starts
/// from a public key alone: checkpoints from before they were signed asymmetrically cannot be checked then.
/// </summary>
public sealed record TrustedSigningKeys(IReadOnlyDictionary<string, EcdsaSigner> Keys, bool PublicKeysOnly)
{
    /// <summary>
    /// Follows the rotations recorded in the audit history from <paramref name="anchor"/>. A rotation event is itself in the chain,
    /// so removing or altering one is a break of its own; without it the checkpoints of the keys it linked read as forged.
    /// </summary>
    public static async Task<TrustedSigningKeys> FromAsync(IDbContextFactory<AppDbContext> contextFactory, EcdsaSigner anchor, bool publicKeysOnly,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var details = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.AuditKeysRotated).OrderBy(e => e.Sequence)
            .Select(e => e.Details).ToListAsync(cancellationToken);
        var links = details.Select(Read).OfType<AuditKeyRotationStatement>().Select(s => s.VerifiedKeys()).OfType<(EcdsaSigner Previous, EcdsaSigner Next)>().ToList();

        var keys = new Dictionary<string, EcdsaSigner> { [anchor.Fingerprint] = anchor };
        for (var added = true; added;)
        {
            added = false;
            foreach (var (previous, next) in links.Where(l => keys.ContainsKey(l.Previous.Fingerprint) != keys.ContainsKey(l.Next.Fingerprint)))
            {
                keys.TryAdd(previous.Fingerprint, previous);
                keys.TryAdd(next.Fingerprint, next);
                added = true;
            }
        }
        return new TrustedSigningKeys(keys, publicKeysOnly);
    }

    private static AuditKeyRotationStatement? Read(string? details)
    {
        try
        {
            return details is null ? null : JsonSerializer.Deserialize<AuditKeyRotationStatement>(details);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
