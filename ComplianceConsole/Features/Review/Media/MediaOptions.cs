namespace ComplianceConsole.Features.Review.Media;

/// <summary>How the console fetches a content item's media for reviewers (reviewers' browsers never fetch it themselves).</summary>
public sealed class MediaOptions
{
    public const string Section = "ComplianceConsole:Media";

    /// <summary>Allows media on loopback, link-local and private networks: for tests only, never on by default.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>The largest media file fetched; a larger one is refused, not cut.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>How long one fetch may take, connecting and downloading included.</summary>
    public double TimeoutSeconds { get; set; } = 15;
}
