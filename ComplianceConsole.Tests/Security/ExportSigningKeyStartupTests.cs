using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// The export signing key is checked when the app starts, as the audit and personal-data keys are: a lost, damaged or replaced key
/// used to be noticed only at the first export or verification, a lost one replaced by a new key there and then.
/// </summary>
public sealed class ExportSigningKeyStartupTests
{
    /// <summary>Starts an app, records an export signed with its key, stops it keeping its data folder; returns that folder.</summary>
    private static async Task<string> SignedExportAsync()
    {
        using var app = new TestApp { KeepDataFolder = true };
        var signer = app.Services.GetRequiredService<ExportSigner>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<Data.AppDbContext>>().CreateDbContextAsync();
        db.ExportJobs.Add(new ExportJob
        {
            Kind = ExportKind.VerificationLedger, FromUtc = DateTime.UtcNow.Date, ToUtc = DateTime.UtcNow.Date.AddDays(1), RequestedById = "x",
            RequestedByName = "x", RequestedAtUtc = DateTime.UtcNow, RowsPerSheet = 10, CoverText = "cover", CoverSignature = signer.SignText("cover"),
            SigningKeyFingerprint = signer.Fingerprint,
        });
        await db.SaveChangesAsync();
        return app.DataFolderPath;
    }

    [Fact]
    public async Task A_missing_export_signing_key_with_signed_exports_refuses_start_up_and_no_new_key_is_made()
    {
        var folder = await SignedExportAsync();
        var keyFile = Path.Combine(folder, ExportSigner.DefaultFileName);
        File.Delete(keyFile);

        var refused = TestApp.StartRefused(folder);
        Assert.Contains(keyFile, refused);
        Assert.DoesNotContain("   at ", refused);
        Assert.False(File.Exists(keyFile));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_damaged_or_foreign_export_signing_key_refuses_start_up_naming_the_file()
    {
        var folder = await SignedExportAsync();
        var keyFile = Path.Combine(folder, ExportSigner.DefaultFileName);
        var original = File.ReadAllText(keyFile);

        File.WriteAllText(keyFile, "garbage");
        Assert.Contains(keyFile, TestApp.StartRefused(folder));

        File.Delete(keyFile);
        ComplianceConsole.Security.EcdsaSigner.CreateKeyFile(keyFile);
        Assert.Contains(keyFile, TestApp.StartRefused(folder));

        File.WriteAllText(keyFile, original);
        using var restored = new TestApp(dataFolderPath: folder);
        Assert.NotNull(restored.Services.GetRequiredService<ExportSigner>());
    }
}
