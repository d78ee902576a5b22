using System.Runtime.CompilerServices;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// A PII cell as stored, encrypted, with how to show it once decrypted (masked, or as it is in an unmasked export). A source
/// hands these over instead of decrypting them itself, and the engine opens them after the read-ahead, on the writer's side:
/// decryption and masking were a fifth of reading a ledger row, on the core that reading keeps busy, while the writer's
/// core had room to spare.
/// </summary>
public sealed record SealedCell(byte[] Cipher, Func<string, string> Show)
{
    /// <summary>The rows with every sealed cell opened, in place.</summary>
    public static async IAsyncEnumerable<object?[]> OpenAllAsync(IAsyncEnumerable<object?[]> rows, PiiProtector pii,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is SealedCell cell) row[i] = cell.Show(pii.Decrypt(cell.Cipher));
            }
            yield return row;
        }
    }
}
