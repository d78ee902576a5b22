namespace ComplianceConsole.Features.Review;

/// <summary>Where an item's perceptual hash came from: the platform sent it, or the console hashed the file it received.</summary>
public enum PerceptualHashOrigin { Platform = 1, File = 2 }

/// <summary>
/// A PDQ hash of a content item: of its image, or of one video frame the platform hashed itself (<see cref="FrameAtMs"/>).
/// Kept so a decision can add the item's hashes to a bank and the case page can show how near a match was.
/// </summary>
public sealed class ContentPerceptualHash
{
    public long Id { get; set; }
    public long ContentItemId { get; set; }

    /// <summary>The 64 hex digits of the PDQ hash, lower case.</summary>
    public string Hash { get; set; } = "";

    public int? Quality { get; set; }
    public PerceptualHashOrigin Origin { get; set; }

    /// <summary>For a video frame, where it is in the video, in milliseconds.</summary>
    public int? FrameAtMs { get; set; }
}
