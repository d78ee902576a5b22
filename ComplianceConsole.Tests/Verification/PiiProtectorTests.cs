using System.Security.Cryptography;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Tests.Verification;

public class PiiProtectorTests
{
    private static PiiKeyRing Ring(params byte[] ids) =>
        new(ids.ToDictionary(id => id, id => Enumerable.Repeat(id, 32).ToArray()), Enumerable.Repeat((byte)7, 32).ToArray());

    [Fact]
    public void Values_round_trip_and_the_ciphertext_reveals_nothing_of_them()
    {
        var pii = new PiiProtector(Ring(1));
        var blob = pii.Encrypt("11010519491231002X");
        Assert.Equal("11010519491231002X", pii.Decrypt(blob));
        Assert.DoesNotContain("1101", System.Text.Encoding.UTF8.GetString(blob));
        Assert.NotEqual(blob, pii.Encrypt("11010519491231002X")); // a fresh nonce every time
        Assert.Equal("欧阳娜娜", pii.Decrypt(pii.Encrypt("欧阳娜娜")));
    }

    [Fact]
    public void A_tampered_ciphertext_is_refused()
    {
        var pii = new PiiProtector(Ring(1));
        var blob = pii.Encrypt("13812341234");
        blob[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => pii.Decrypt(blob));
    }

    [Fact]
    public void After_a_new_key_is_added_old_data_still_decrypts_and_new_data_uses_the_new_key()
    {
        var old = new PiiProtector(Ring(1)).Encrypt("张三");
        var rotated = new PiiProtector(Ring(1, 2));
        Assert.Equal("张三", rotated.Decrypt(old));
        Assert.False(rotated.IsEncryptedWithCurrentKey(old));
        Assert.True(rotated.IsEncryptedWithCurrentKey(rotated.Encrypt("张三")));
    }

    [Fact]
    public void Lookup_hashes_are_exact_keyed_and_scoped()
    {
        var pii = new PiiProtector(Ring(1));
        Assert.Equal(pii.LookupHash("ResidentIdCard", "11010519491231002X"), pii.LookupHash("ResidentIdCard", "11010519491231002X"));
        Assert.NotEqual(pii.LookupHash("ResidentIdCard", "11010519491231002X"), pii.LookupHash("MobileNumber", "11010519491231002X"));
        var otherKey = new PiiProtector(new PiiKeyRing(new Dictionary<byte, byte[]> { [1] = new byte[32] }, new byte[32]));
        Assert.NotEqual(pii.LookupHash("ResidentIdCard", "11010519491231002X"), otherKey.LookupHash("ResidentIdCard", "11010519491231002X"));
    }

    [Fact]
    public void Lookup_hashes_stay_the_HMAC_that_stored_records_were_keyed_with()
    {
        var pii = new PiiProtector(Ring(1));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Enumerable.Repeat((byte)7, 32).ToArray(), "MobileNumber\n13812341234"u8));
        Assert.Equal(expected, pii.LookupHash("MobileNumber", "13812341234"));
        Assert.Equal(expected, pii.LookupHash("MobileNumber", "13812341234")); // the kept HMAC starts afresh every time
    }

    [Fact]
    public void Every_encryption_has_a_nonce_of_its_own_on_every_thread()
    {
        var pii = new PiiProtector(Ring(1));
        var nonces = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4_000, _ => nonces.Add(Convert.ToHexString(pii.Encrypt("13812341234").AsSpan(1, 12))));
        Assert.Equal(4_000, nonces.Distinct().Count());
    }
}
