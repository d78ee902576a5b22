namespace ComplianceConsole.Features.Jobs;

public static class JobPermissions
{
    /// <summary>See, cancel and download one's own jobs; every staff role has it.</summary>
    public const string ReadOwn = "Jobs.ReadOwn";

    /// <summary>See every person's jobs and download their files, not only one's own.</summary>
    public const string ReadAll = "Jobs.ReadAll";
}
