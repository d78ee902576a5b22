using System.Globalization;
using System.Numerics;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// A 256-bit PDQ hash. Bit k (0..255) is DCT coefficient (k / 16, k % 16) of the 16x16 block, as the reference's
/// Hash256::setBit numbers them (pdq/cpp/common/pdqhashtypes.h). The hex form is the reference's: 64 hex digits with bit 255
/// first, i.e. the 256-bit number in big-endian order, so <see cref="Low"/> holds bits 0..63 and prints last.
/// </summary>
public readonly record struct PdqHash(ulong High, ulong UpperMiddle, ulong LowerMiddle, ulong Low)
{
    public const int BitCount = 256;
    public const int HexLength = 64;

    public static PdqHash Zero => default;

    public int Distance(PdqHash other) =>
        BitOperations.PopCount(High ^ other.High) + BitOperations.PopCount(UpperMiddle ^ other.UpperMiddle)
        + BitOperations.PopCount(LowerMiddle ^ other.LowerMiddle) + BitOperations.PopCount(Low ^ other.Low);

    /// <summary>Bits 16*index .. 16*index+15, one row of the 16x16 DCT block; the Hamming index keys on these.</summary>
    public ushort Chunk(int index) => (ushort)(Word(index >> 2) >> ((index & 3) * 16));

    public bool Bit(int index) => ((Word(index >> 6) >> (index & 63)) & 1) != 0;

    public static PdqHash FromBits(Func<int, bool> isSet)
    {
        Span<ulong> words = stackalloc ulong[4];
        for (var k = 0; k < BitCount; k++)
            if (isSet(k)) words[k >> 6] |= 1UL << (k & 63);
        return new PdqHash(words[3], words[2], words[1], words[0]);
    }

    /// <summary>Bits 64*index .. 64*index+63: 0 is <see cref="Low"/>, 3 is <see cref="High"/>.</summary>
    public ulong Word(int index) => index switch
    {
        0 => Low,
        1 => LowerMiddle,
        2 => UpperMiddle,
        _ => High,
    };

    public override string ToString() => $"{High:x16}{UpperMiddle:x16}{LowerMiddle:x16}{Low:x16}";

    /// <summary>Reads 64 hex digits (either case). Throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static PdqHash Parse(string? hex) =>
        TryParse(hex, out var hash, out var problem) ? hash : throw new FormatException(problem);

    public static bool TryParse(string? hex, out PdqHash hash) => TryParse(hex, out hash, out _);

    /// <summary>As <see cref="Parse"/>, with the reason for a refusal in <paramref name="problem"/> for an API's answer.</summary>
    public static bool TryParse(string? hex, out PdqHash hash, out string? problem)
    {
        hash = default;
        if (hex is null || hex.Length != HexLength)
        {
            problem = $"A PDQ hash is {HexLength} hexadecimal digits; got {(hex is null ? "none" : hex.Length.ToString(CultureInfo.InvariantCulture))}.";
            return false;
        }
        var firstBad = hex.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF");
        if (firstBad >= 0)
        {
            problem = $"A PDQ hash is hexadecimal digits only; character {firstBad + 1} is '{hex[firstBad]}'.";
            return false;
        }
        ulong Part(int i) => ulong.Parse(hex.AsSpan(i * 16, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        hash = new PdqHash(Part(0), Part(1), Part(2), Part(3));
        problem = null;
        return true;
    }
}
