namespace ComplianceConsole.Features.Jobs;

/// <summary>How long jobs' result files and abandoned uploads are kept.</summary>
public sealed class JobRetention(IConfiguration configuration)
{
    public const string FileRetentionDaysKey = "ComplianceConsole:Jobs:FileRetentionDays";
    private const int DefaultFileRetentionDays = 30;

    /// <summary>An upload still in preview after this long was abandoned (the page that staged it is gone).</summary>
    public static readonly TimeSpan StagedUploadLifetime = TimeSpan.FromHours(2);

    public int FileRetentionDays => Math.Max(1, configuration.GetValue(FileRetentionDaysKey, DefaultFileRetentionDays));

    public DateTime FilesExpireAt(DateTime endedAtUtc) => endedAtUtc.AddDays(FileRetentionDays);
}
