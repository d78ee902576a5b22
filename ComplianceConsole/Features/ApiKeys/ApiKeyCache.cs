using System.Collections.Concurrent;
using System.Diagnostics;

namespace ComplianceConsole.Features.ApiKeys;

/// <summary>
/// The keys this instance looked up in the last <see cref="Lifetime"/>: a platform calling hundreds of times a second costs the
/// database one look-up of its key a second instead of one a call. The secret is still checked on every call. A key revoked on
/// this instance is forgotten when the revocation commits; wherever it was looked up, it is refused at most <see cref="Lifetime"/>
/// after (a look-up's age counts from before it read). Only keys that exist are kept, so made-up prefixes cannot fill it.
/// </summary>
public sealed class ApiKeyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (KnownApiKey Key, long LoadedAt)> _keys = new(StringComparer.Ordinal);

    public async Task<KnownApiKey?> GetAsync(string prefix, Func<string, Task<KnownApiKey?>> load)
    {
        if (_keys.TryGetValue(prefix, out var kept) && Stopwatch.GetElapsedTime(kept.LoadedAt) < Lifetime) return kept.Key;
        var loadedAt = Stopwatch.GetTimestamp();
        var key = await load(prefix);
        if (key is null) _keys.TryRemove(prefix, out _);
        else _keys[prefix] = (key, loadedAt);
        return key;
    }

    public void Forget(string prefix) => _keys.TryRemove(prefix, out _);
}

/// <summary>What authenticating a call needs of a stored key.</summary>
public sealed record KnownApiKey(string Prefix, string Name, string SecretHash, IReadOnlyList<string> Scopes, bool Revoked, DateTime? LastUsedAtUtc);
