using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>A lost or replaced audit key stops the app with a plain message instead of silently starting a new, unverifiable history.</summary>
public sealed class AuditKeyStartupTests
{
    /// <summary>Starts an app, writes a history and a signed checkpoint, stops it keeping its data folder; returns that folder.</summary>
    private static async Task<string> HistoryAsync()
    {
        using var app = new TestApp { KeepDataFolder = true };
        await app.Services.GetRequiredService<AuditTrail>().RecordAsync(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext>>(),
            AuditActor.System, AuditActions.ChainVerified);
        await app.Services.GetRequiredService<AuditCheckpoints>().WriteAsync();
        return app.DataFolderPath;
    }

    [Fact]
    public async Task A_missing_audit_key_with_existing_events_refuses_start_up_naming_the_file()
    {
        var folder = await HistoryAsync();
        var keyFile = Path.Combine(folder, AuditKeys.HmacKeyFileName);
        File.Delete(keyFile);

        var refused = TestApp.StartRefused(folder);
        Assert.Contains(keyFile, refused);
        Assert.Contains("Restore the file from your backup", refused);
        Assert.DoesNotContain("   at ", refused); // a plain message, no stack trace
        Assert.False(File.Exists(keyFile)); // no new key made in its place
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_foreign_signing_key_with_existing_checkpoints_refuses_start_up_naming_the_file()
    {
        var folder = await HistoryAsync();
        var keyFile = Path.Combine(folder, AuditKeys.SigningKeyFileName);
        var foreign = Path.Combine(folder, "foreign.pem");
        EcdsaSigner.CreateKeyFile(foreign);
        File.Move(foreign, keyFile, overwrite: true);

        Assert.Contains(keyFile, TestApp.StartRefused(folder));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_damaged_signing_key_refuses_start_up_with_a_plain_message_naming_the_file()
    {
        var folder = await HistoryAsync();
        var keyFile = Path.Combine(folder, AuditKeys.SigningKeyFileName);
        File.WriteAllText(keyFile, "");

        var refused = TestApp.StartRefused(folder);
        Assert.Contains(keyFile, refused);
        Assert.Contains("cannot be read", refused);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void An_audit_key_file_the_service_may_not_read_refuses_start_up_with_a_plain_message_naming_the_file()
    {
        // The reader's error for a file the account may not read; a folder in the file's place gives it even to root, which reads
        // every file (the suite runs as root in CI).
        var folderInPlace = Directory.CreateTempSubdirectory("cc-key-folder-").FullName;

        var refused = Assert.Throws<StartupRefusedException>(() => AuditKey.Read(folderInPlace)).Message;

        Assert.Contains(folderInPlace, refused);
        Assert.Contains("not readable by the service's account", refused);
        Directory.Delete(folderInPlace);
    }

    [Fact]
    public async Task A_foreign_audit_key_with_existing_events_refuses_start_up_naming_the_file()
    {
        var folder = await HistoryAsync();
        var keyFile = Path.Combine(folder, AuditKeys.HmacKeyFileName);
        var foreign = Path.Combine(folder, "foreign.json");
        AuditKey.CreateKeyFile(foreign);
        File.Move(foreign, keyFile, overwrite: true);

        Assert.Contains(keyFile, TestApp.StartRefused(folder));
        Directory.Delete(folder, recursive: true);
    }
}
