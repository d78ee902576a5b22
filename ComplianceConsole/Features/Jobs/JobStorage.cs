using ComplianceConsole.Data;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// Where jobs keep files in the data folder: each job's own folder (its input and result files), and the staging
/// folder for uploads a person is still previewing. Both are readable by the app's own account only.
/// </summary>
public sealed class JobStorage(DataFolder dataFolder)
{
    public const string InputFileName = "input.bin";

    public string JobsFolder => dataFolder.File("jobs");
    public string StagingFolder => dataFolder.File("staging");

    public string FolderOf(long jobId) => Path.Combine(JobsFolder, jobId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string CreateFolderOf(long jobId)
    {
        EncryptedFiles.CreateOwnerOnlyFolder(JobsFolder);
        return EncryptedFiles.CreateOwnerOnlyFolder(FolderOf(jobId));
    }

    public string InputOf(long jobId) => Path.Combine(FolderOf(jobId), InputFileName);

    public void DeleteInput(long jobId)
    {
        if (File.Exists(InputOf(jobId))) File.Delete(InputOf(jobId));
    }

    /// <summary>A file in a job's folder, by a name the job itself gave it; null for anything that is not a plain file name.</summary>
    public string? ResultFileOf(long jobId, string name) =>
        name.Length is > 0 and <= 100 && name == Path.GetFileName(name) && name != InputFileName && !name.StartsWith('.')
            ? Path.Combine(FolderOf(jobId), name)
            : null;

    /// <summary>A new path in the staging folder for an upload being previewed.</summary>
    public string NewStagingPath()
    {
        EncryptedFiles.CreateOwnerOnlyFolder(StagingFolder);
        return Path.Combine(StagingFolder, Guid.NewGuid().ToString("N") + ".bin");
    }

    /// <summary>The staged upload with this id, or null when the id is not one this class made.</summary>
    public string? StagedPath(string stagingId) =>
        Guid.TryParseExact(stagingId, "N", out _) ? Path.Combine(StagingFolder, stagingId + ".bin") : null;

    public static string StagingIdOf(string stagedPath) => Path.GetFileNameWithoutExtension(stagedPath);
}
