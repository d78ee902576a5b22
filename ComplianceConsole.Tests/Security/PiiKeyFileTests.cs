using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Tests.Security;

/// <summary>The personal-data key file: created only for an empty database, never silently replaced, never a page lost to one bad row.</summary>
public sealed class PiiKeyFileTests
{
    private const string Verifier = "verifier@example.cn";

    [Fact]
    public async Task A_missing_key_file_with_records_stored_stops_start_up_naming_the_file_to_restore_and_creates_no_new_key()
    {
        var dataFolder = await StoppedAppWithARecordAsync();
        var keyFile = Path.Combine(dataFolder, PiiKeyRing.DefaultFileName);
        File.Delete(keyFile);

        using var restarted = new TestApp(dataFolderPath: dataFolder);
        var refused = Assert.Throws<StartupRefusedException>(() => restarted.Services);
        Assert.Contains(keyFile, refused.Message);
        Assert.Contains("Restore it from the backup", refused.Message);
        Assert.False(File.Exists(keyFile));
    }

    [Fact]
    public async Task A_corrupt_key_file_stops_start_up_saying_which_file_cannot_be_read()
    {
        var dataFolder = await StoppedAppWithARecordAsync();
        var keyFile = Path.Combine(dataFolder, PiiKeyRing.DefaultFileName);
        await File.WriteAllTextAsync(keyFile, "{ \"LookupKey\": \"not a key\"", TestContext.Current.CancellationToken);

        using var restarted = new TestApp(dataFolderPath: dataFolder);
        var refused = Assert.Throws<StartupRefusedException>(() => restarted.Services);
        Assert.Contains(keyFile, refused.Message);
        Assert.Contains("cannot be read", refused.Message);
    }

    [Fact]
    public async Task A_key_file_from_another_installation_stops_start_up_because_it_cannot_decrypt_the_stored_records()
    {
        var dataFolder = await StoppedAppWithARecordAsync();
        var keyFile = Path.Combine(dataFolder, PiiKeyRing.DefaultFileName);
        File.Delete(keyFile);
        Assert.True(PiiKeyRing.CreateFile(keyFile));

        using var restarted = new TestApp(dataFolderPath: dataFolder);
        var refused = Assert.Throws<StartupRefusedException>(() => restarted.Services);
        Assert.Contains("cannot decrypt the stored data encrypted with key 1", refused.Message);
    }

    [Fact]
    public async Task Instances_creating_the_key_file_at_once_end_up_with_one_key_ring_that_all_of_them_use()
    {
        var folder = Directory.CreateTempSubdirectory("cc-keys-").FullName;
        try
        {
            var path = Path.Combine(folder, PiiKeyRing.DefaultFileName);
            var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PiiKeyRing.CreateFile(path))));
            Assert.Single(created, c => c);
            Assert.Equal([PiiKeyRing.DefaultFileName], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_record_that_cannot_be_decrypted_shows_as_unreadable_in_its_row_and_the_rest_of_the_page_reads()
    {
        using var app = new TestApp();
        await app.CreateStaffAsync(Verifier, ComplianceConsole.Security.Roles.Verifier);
        Assert.Equal(SubmissionOutcome.Created, await app.SubmitDirectlyAsync(Submission("row-good", "张三")));
        Assert.Equal(SubmissionOutcome.Created, await app.SubmitDirectlyAsync(Submission("row-lost", "李四")));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var lost = await db.VerificationRecords.SingleAsync(r => r.PlatformUser.ExternalId == "row-lost", TestContext.Current.CancellationToken);
            lost.RealNameCipher = [99, .. lost.RealNameCipher[1..]]; // written under a key this ring does not hold
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var scope = app.As(Verifier);
        var page = await scope.Get<VerificationQueryService>().GetPageAsync(
            new VerificationPageRequest(new VerificationFilter(), VerificationSort.SubmittedNewest, 10), TestContext.Current.CancellationToken);
        Assert.Equal("张*", page.Items.Single(r => r.ExternalUserId == "row-good").MaskedName);
        var unreadable = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>()["Pii.Unreadable"].Value;
        Assert.Equal(unreadable, page.Items.Single(r => r.ExternalUserId == "row-lost").MaskedName);
    }

    private static VerificationSubmission Submission(string user, string name) =>
        new(user, null, null, VerificationMethod.MobileNumber, "1381234" + Math.Abs(user.GetHashCode() % 10_000).ToString("D4"), name, null);

    private static async Task<string> StoppedAppWithARecordAsync()
    {
        using var app = new TestApp { KeepDataFolder = true };
        Assert.Equal(SubmissionOutcome.Created, await app.SubmitDirectlyAsync(Submission("kept-1", "王五")));
        return app.DataFolderPath;
    }
}
