using System.Security.Cryptography;
using System.Text;

namespace ComplianceConsole.Features.ApiKeys;

/// <summary>The key format <c>cc_{prefix}_{secret}</c>: the prefix finds the key, the secret proves it.</summary>
public static class ApiKeySecret
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static (string Key, string Prefix, string Hash) Create()
    {
        var prefix = RandomNumberGenerator.GetString(Alphabet, 8);
        var key = $"cc_{prefix}_{RandomNumberGenerator.GetString(Alphabet, 40)}";
        return (key, prefix, Hash(key));
    }

    public static string? PrefixOf(string key)
    {
        var parts = key.Split('_');
        return parts is ["cc", { Length: 8 } prefix, { Length: 40 }] ? prefix : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
