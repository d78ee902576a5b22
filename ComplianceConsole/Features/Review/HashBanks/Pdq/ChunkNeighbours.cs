using System.Numerics;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// Every 16-bit XOR mask of at most <see cref="MaxRadius"/> set bits, fewest bits first, so the masks within radius r are a
/// prefix: value ^ mask for each of them enumerates the chunk values within r bits of a value.
/// </summary>
internal static class ChunkNeighbours
{
    public const int MaxRadius = 4;

    public static readonly ushort[] Masks = Enumerable.Range(0, 1 << 16)
        .Where(m => BitOperations.PopCount((uint)m) <= MaxRadius)
        .OrderBy(m => BitOperations.PopCount((uint)m))
        .Select(m => (ushort)m)
        .ToArray();

    /// <summary>How many of <see cref="Masks"/> are within each radius 0..4: 1, 17, 137, 697, 2517.</summary>
    public static readonly int[] CountWithin = Enumerable.Range(0, MaxRadius + 1)
        .Select(r => Masks.Count(m => BitOperations.PopCount((uint)m) <= r))
        .ToArray();
}
