using System.Security.Cryptography;
using System.Text;

namespace ComplianceConsole.Security.Pii;

/// <summary>
/// Authenticated encryption of personal data (AES-256-GCM; the stored blob is key id, nonce, tag, ciphertext)
/// and the keyed hash (HMAC-SHA256) kept beside it for exact lookup and duplicate detection without decrypting.
/// </summary>
public sealed class PiiProtector(PiiKeyRing keys)
{
    private const int NonceSize = 12, TagSize = 16;

    // A cipher's set-up costs as much as encrypting a short value: each thread keeps one per key (an instance is not thread-safe).
    private readonly ThreadLocal<Dictionary<byte, AesGcm>> _ciphers = new(() => []);

    // So is the lookup hash's: a one-shot HMAC looks the algorithm up in OpenSSL each time, a kept one is only reset.
    private readonly ThreadLocal<IncrementalHash> _lookupHashes = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.LookupKey));

    // A call into the random generator cost more than the encryption: each thread draws its nonces from a block of its output.
    [ThreadStatic] private static NonceBlock? t_nonces;

    public byte[] Encrypt(string plaintext) => EncryptBytes(Encoding.UTF8.GetBytes(plaintext));

    public byte[] EncryptBytes(ReadOnlySpan<byte> plain)
    {
        var blob = new byte[SealedLength(plain.Length)];
        EncryptInto(plain, blob);
        return blob;
    }

    /// <summary>How long <see cref="EncryptBytes"/>'s blob is for a plaintext of this length.</summary>
    public static int SealedLength(int plainLength) => 1 + NonceSize + TagSize + plainLength;

    /// <summary>As <see cref="EncryptBytes"/>, into a buffer the caller keeps (<see cref="SealedLength"/> long): an export seals a chunk a MiB at a time.</summary>
    public void EncryptInto(ReadOnlySpan<byte> plain, Span<byte> blob)
    {
        blob[0] = keys.CurrentKeyId;
        var nonce = blob.Slice(1, NonceSize);
        (t_nonces ??= new NonceBlock()).Next(nonce);
        CipherFor(keys.CurrentKeyId).Encrypt(nonce, plain, blob.Slice(1 + NonceSize + TagSize, plain.Length), blob.Slice(1 + NonceSize, TagSize));
    }

    public byte[] DecryptBytes(byte[] blob)
    {
        var plain = new byte[PlainLength(blob)];
        DecryptInto(blob, plain);
        return plain;
    }

    /// <summary>A short value (a name, an identifier: an export decrypts a million of each) is decrypted into the stack, not a new array.</summary>
    public string Decrypt(byte[] blob)
    {
        var length = PlainLength(blob);
        var plain = length <= 512 ? stackalloc byte[length] : new byte[length];
        DecryptInto(blob, plain);
        return Encoding.UTF8.GetString(plain);
    }

    private int PlainLength(byte[] blob)
    {
        if (blob.Length < 1 + NonceSize + TagSize || !keys.EncryptionKeys.ContainsKey(blob[0]))
        {
            throw new CryptographicException("Protected value is malformed or its key is not in the key ring.");
        }
        return blob.Length - 1 - NonceSize - TagSize;
    }

    private void DecryptInto(byte[] blob, Span<byte> plain) =>
        CipherFor(blob[0]).Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plain);

    private AesGcm CipherFor(byte keyId)
    {
        var ciphers = _ciphers.Value!;
        if (!ciphers.TryGetValue(keyId, out var aes)) ciphers[keyId] = aes = new AesGcm(keys.EncryptionKeys[keyId], TagSize);
        return aes;
    }

    /// <summary>The lookup hash of a normalised value within a namespace (e.g. the verification method).</summary>
    public string LookupHash(string scope, string normalizedValue)
    {
        var hmac = _lookupHashes.Value!;
        hmac.AppendData(Encoding.UTF8.GetBytes(scope + "\n" + normalizedValue));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    public bool IsEncryptedWithCurrentKey(byte[] blob) => blob.Length > 0 && blob[0] == keys.CurrentKeyId;

    /// <summary>Random nonces for one thread, taken in turn from a block of the cryptographic generator's output, each used once.</summary>
    private sealed class NonceBlock
    {
        private const int NoncesPerBlock = 256;
        private readonly byte[] _block = new byte[NonceSize * NoncesPerBlock];
        private int _used = NonceSize * NoncesPerBlock;

        public void Next(Span<byte> nonce)
        {
            if (_used + NonceSize > _block.Length)
            {
                RandomNumberGenerator.Fill(_block);
                _used = 0;
            }
            _block.AsSpan(_used, NonceSize).CopyTo(nonce);
            _used += NonceSize;
        }
    }
}
