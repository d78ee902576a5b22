using ComplianceConsole.Features.Review.HashBanks;

namespace ComplianceConsole.Tests.HashBanks;

public sealed class PdqHashTests
{
    private const string Bridge = "d8f8f0cec0f4a84f0637022a278f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    [Fact]
    public void Hex_reads_back_as_written_in_lower_case()
    {
        Assert.Equal(Bridge, PdqHash.Parse(Bridge).ToString());
        Assert.Equal(Bridge, PdqHash.Parse(Bridge.ToUpperInvariant()).ToString());
    }

    [Fact]
    public void The_first_hex_digits_hold_the_highest_bits_as_the_reference_prints_them()
    {
        var lowestBit = PdqHash.Parse(new string('0', 63) + "1");
        var highestBit = PdqHash.Parse("8" + new string('0', 63));

        Assert.True(lowestBit.Bit(0));
        Assert.True(highestBit.Bit(255));
        Assert.Equal(1, lowestBit.Chunk(0));
        Assert.Equal(0x8000, highestBit.Chunk(15));
    }

    [Theory]
    [InlineData(null, "got none")]
    [InlineData("", "got 0")]
    [InlineData("d8f8f0ce", "got 8")]
    [InlineData(Bridge + "0", "got 65")]
    [InlineData("g8f8f0cec0f4a84f0637022a278f67f0b36e2ed596621e1d33e6339c4e9c9b22", "character 1 is 'g'")]
    [InlineData("d8f8f0cec0f4a84f0637022a278f67f0b36e2ed596621e1d33e6339c4e9c9b2 ", "character 64 is ' '")]
    [InlineData("0xf8f0cec0f4a84f0637022a278f67f0b36e2ed596621e1d33e6339c4e9c9b22", "character 2 is 'x'")]
    public void Bad_hex_is_refused_saying_what_is_wrong(string? hex, string reason)
    {
        Assert.False(PdqHash.TryParse(hex, out _, out var problem));
        Assert.Contains(reason, problem);
        Assert.Contains(reason, Assert.Throws<FormatException>(() => PdqHash.Parse(hex)).Message);
    }

    [Fact]
    public void The_distance_counts_the_differing_bits_in_every_word()
    {
        var hash = PdqHash.Parse(Bridge);
        var flipped = new PdqHash(hash.High ^ 1, hash.UpperMiddle ^ 3, hash.LowerMiddle ^ 7, hash.Low ^ (1UL << 63));

        Assert.Equal(0, hash.Distance(hash));
        Assert.Equal(7, hash.Distance(flipped));
        Assert.Equal(256, PdqHash.Zero.Distance(new PdqHash(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue)));
    }
}
