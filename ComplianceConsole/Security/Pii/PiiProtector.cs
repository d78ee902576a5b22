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

    public byte[] Encrypt(string plaintext) => EncryptBytes(Encoding.UTF8.GetBytes(plaintext));

    public string Decrypt(byte[] blob) => Encoding.UTF8.GetString(DecryptBytes(blob));

    public byte[] EncryptBytes(ReadOnlySpan<byte> plain)
    {
        var blob = new byte[1 + NonceSize + TagSize + plain.Length];
        blob[0] = keys.CurrentKeyId;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        CipherFor(keys.CurrentKeyId, keys.EncryptionKeys[keys.CurrentKeyId]).Encrypt(nonce, plain, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize));
        return blob;
    }

    public byte[] DecryptBytes(byte[] blob)
    {
        if (blob.Length < 1 + NonceSize + TagSize || !keys.EncryptionKeys.TryGetValue(blob[0], out var key))
        {
            throw new CryptographicException("Protected value is malformed or its key is not in the key ring.");
        }
        var plain = new byte[blob.Length - 1 - NonceSize - TagSize];
        CipherFor(blob[0], key).Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plain);
        return plain;
    }

    private AesGcm CipherFor(byte keyId, byte[] key)
    {
        var ciphers = _ciphers.Value!;
        if (!ciphers.TryGetValue(keyId, out var aes)) ciphers[keyId] = aes = new AesGcm(key, TagSize);
        return aes;
    }

    /// <summary>
    /// Decrypts many values in a row (an export's million records) with one cipher per key instead of one per value;
    /// not thread-safe, dispose it when done.
    /// </summary>
    public Decryptor CreateDecryptor() => new(keys);

    public sealed class Decryptor(PiiKeyRing keys) : IDisposable
    {
        private readonly Dictionary<byte, AesGcm> _ciphers = [];

        public string Decrypt(byte[] blob)
        {
            if (blob.Length < 1 + NonceSize + TagSize || !keys.EncryptionKeys.TryGetValue(blob[0], out var key))
            {
                throw new CryptographicException("Protected value is malformed or its key is not in the key ring.");
            }
            if (!_ciphers.TryGetValue(blob[0], out var aes)) _ciphers[blob[0]] = aes = new AesGcm(key, TagSize);
            var length = blob.Length - 1 - NonceSize - TagSize;
            var plain = length <= 512 ? stackalloc byte[length] : new byte[length];
            aes.Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), plain);
            return Encoding.UTF8.GetString(plain);
        }

        public void Dispose()
        {
            foreach (var aes in _ciphers.Values) aes.Dispose();
        }
    }

    /// <summary>The lookup hash of a normalised value within a namespace (e.g. the verification method).</summary>
    public string LookupHash(string scope, string normalizedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.LookupKey, Encoding.UTF8.GetBytes(scope + "\n" + normalizedValue)));

    public bool IsEncryptedWithCurrentKey(byte[] blob) => blob.Length > 0 && blob[0] == keys.CurrentKeyId;
}
