namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>The limits of what a Manager, a CSV file or the platform may write into a hash bank.</summary>
public static class HashBankRules
{
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 500;

    /// <summary>PDQ's quality score runs 0-100, wherever a hash comes from.</summary>
    public const int MaxQuality = 100;

    /// <summary>The most hashes one content item may carry (an image's, or a video's frames).</summary>
    public const int MaxHashesPerItem = 32;
}
