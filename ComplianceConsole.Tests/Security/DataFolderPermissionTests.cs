using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Files;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Security;

/// <summary>The data folder holds the database, its key files and the setup token: nobody but the app's account may read any of it.</summary>
public sealed class DataFolderPermissionTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Every_file_the_app_creates_is_owner_only_even_when_started_under_a_permissive_umask()
    {
        var folder = Directory.CreateTempSubdirectory("cc-modes-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // 0755, as an older version or a restore left it
        var leftReadable = Path.Combine(folder, "restored-from-backup.txt");
        await File.WriteAllTextAsync(leftReadable, "restored", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(leftReadable, (UnixFileMode)0b110_100_100); // 0644

        var previous = OwnerOnlyUmask.Set(0b000_010_010); // 022
        try
        {
            using var app = new TestApp(dataFolderPath: folder);
            await app.CompleteSetupAsync();
            Assert.Equal(SubmissionOutcome.Created,
                await app.SubmitDirectlyAsync(new VerificationSubmission("mode-1", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", null)));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            var entries = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories);
            Assert.Contains(entries, e => e.EndsWith("pii-keys.json"));
            Assert.All(entries, entry => Assert.True((File.GetUnixFileMode(entry) & (UnixFileMode)0b000_111_111) == 0,
                $"{Path.GetRelativePath(folder, entry)} is {File.GetUnixFileMode(entry)}, readable by others than the app's account"));
        }
        finally
        {
            OwnerOnlyUmask.Set(previous);
        }
    }
}
