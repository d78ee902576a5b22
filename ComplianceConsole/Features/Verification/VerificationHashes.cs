using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

public static class VerificationHashes
{
    /// <summary>The keyed lookup hash of a normalised identifier; the method is part of it, so a mobile number never matches an ID number.</summary>
    public static string Identifier(PiiProtector pii, VerificationMethod method, string normalized) =>
        pii.LookupHash(method.ToString(), normalized);

    /// <summary>
    /// The indexed key of an identifier hash: its first 15 hex digits, so it is never negative and SQL can compute it too.
    /// Anything that is not a hash keys to 0, which still finds it (the whole hash is compared after the key).
    /// </summary>
    public static long KeyOf(string identifierHash) =>
        identifierHash.Length >= 15 && long.TryParse(identifierHash.AsSpan(0, 15), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var key) ? key : 0;

    /// <summary><see cref="KeyOf"/> in SQL, for the migration that keyed the records already stored.</summary>
    public static string KeySql(string column) => string.Join(" + ", Enumerable.Range(0, 15).Select(i =>
        $"((instr('0123456789abcdef', substr({column}, {i + 1}, 1)) - 1) << {4 * (14 - i)})"));

    /// <summary>Records with any of these identities, found through the hash key's index and checked against the whole hash.</summary>
    public static IQueryable<VerificationRecord> WithIdentity(this IQueryable<VerificationRecord> records, IReadOnlyCollection<string> identifierHashes)
    {
        var keys = identifierHashes.Select(KeyOf).Distinct().ToList();
        var hashes = identifierHashes.ToList();
        // Each list as one parameter (json_each): a batch's thousand hashes as a thousand parameters cost more than the lookup.
        return records.Where(r => EF.Parameter(keys).Contains(r.IdentifierHashKey) && EF.Parameter(hashes).Contains(r.IdentifierHash));
    }

    /// <summary>
    /// The same person submitting the same identity at the same time is one submission, however often it arrives.
    /// A submission without a time is keyed without one, so re-importing the same file adds nothing.
    /// </summary>
    public static string SubmissionKey(string externalUserId, VerificationMethod method, string identifierHash, DateTime? submittedAtUtc) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{externalUserId}\n{method}\n{identifierHash}\n{submittedAtUtc?.ToUniversalTime().ToString("O") ?? ""}")));
}
