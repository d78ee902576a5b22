namespace ComplianceConsole.Security;

/// <summary>
/// Where to send someone back to after sign-in or a preference switch: a path on this site, or home.
/// Anything a browser could read as another site (<c>//evil</c>, <c>/\evil</c>, <c>https://evil</c>, or those
/// with tabs and line breaks that browsers drop, like <c>/%09/evil</c>) goes home instead.
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    private static readonly Uri ThisSite = new("http://this-site.invalid");

    /// <summary>The path (with query and fragment) escaped for a <c>Location</c> header, or <see cref="Home"/>.</summary>
    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal)
            || url.Contains('\\') || url.Any(char.IsControl)) return Home;
        // Parsing against a placeholder host escapes what a header cannot carry (non-ASCII, spaces) and proves the host unchanged.
        if (!Uri.TryCreate(ThisSite, url, out var resolved) || resolved.Host != ThisSite.Host) return Home;
        var local = resolved.PathAndQuery + resolved.Fragment;
        return local.StartsWith("//", StringComparison.Ordinal) ? Home : local; // "/.//evil" resolves to "//evil"
    }
}
