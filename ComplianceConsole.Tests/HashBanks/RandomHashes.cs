using ComplianceConsole.Features.Review.HashBanks;

namespace ComplianceConsole.Tests.HashBanks;

/// <summary>Uniformly random hashes and hashes exactly k bits from a given one, from a seeded generator.</summary>
internal sealed class RandomHashes(int seed)
{
    private readonly Random random = new(seed);

    public PdqHash Next()
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..16]), BitConverter.ToUInt64(bytes[16..24]), BitConverter.ToUInt64(bytes[24..]));
    }

    public PdqHash Within(PdqHash origin, int bits)
    {
        var flipped = Enumerable.Range(0, PdqHash.BitCount).OrderBy(_ => random.Next()).Take(bits).ToHashSet();
        return PdqHash.FromBits(k => origin.Bit(k) ^ flipped.Contains(k));
    }
}
