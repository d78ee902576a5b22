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

    /// <summary>The largest file the platform may upload with an item (<c>POST /api/v1/content/file</c>); a larger one is refused, not cut.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>An image with more pixels than this is not decoded for its PDQ hash: decoding costs memory in proportion to its pixels.</summary>
    public long MaxHashedPixels { get; set; } = 50_000_000;

    /// <summary>Keeps the media the console fetched to read its label (encrypted, as reviewers' media is); by default only the reading is kept.</summary>
    public bool KeepReadFiles { get; set; }

    /// <summary>How many waiting media files one run of the read job fetches.</summary>
    public int ReadBatchSize { get; set; } = 10;

    /// <summary>How often a failed fetch is tried in all, waiting twice as long after each failure, before it stays recorded as failed.</summary>
    public int MaxReadAttempts { get; set; } = 5;
}
