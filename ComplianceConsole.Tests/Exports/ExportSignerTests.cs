using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Security.Pii;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace ComplianceConsole.Tests.Exports;

/// <summary>The signing key in the data folder: made once, owner-only, never overwritten, one key however many instances start at once.</summary>
public sealed class ExportSignerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-signer-").FullName;

    [Fact]
    public void The_key_is_created_owner_only_on_first_run_and_the_same_key_is_loaded_after()
    {
        using var first = Load();
        using var again = Load();

        var file = Path.Combine(_folder, ExportSigner.DefaultFileName);
        Assert.Equal(first.Fingerprint, again.Fingerprint);
        if (!OperatingSystem.IsWindows()) Assert.Equal(EncryptedFiles.OwnerOnlyFile, File.GetUnixFileMode(file));
        Assert.Contains("PRIVATE KEY", File.ReadAllText(file));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", first.PublicKeyPem);
        Assert.True(again.VerifyText("cover", first.SignText("cover")));
    }

    [Fact]
    public async Task Instances_starting_at_once_end_up_with_one_key_and_no_scratch_files()
    {
        var signers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Load)));

        Assert.Single(signers.Select(s => s.Fingerprint).Distinct());
        Assert.Equal([ExportSigner.DefaultFileName], Directory.GetFiles(_folder).Select(Path.GetFileName));
        foreach (var signer in signers) signer.Dispose();
    }

    [Fact]
    public void A_configured_key_file_that_does_not_exist_is_an_error_not_a_new_key()
    {
        var missing = Path.Combine(_folder, "elsewhere.pem");
        Assert.Contains(missing, Assert.Throws<StartupRefusedException>(() => Load(missing)).Message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_missing_key_file_is_not_made_anew_while_the_history_holds_signed_exports()
    {
        string fingerprint;
        using (var first = Load()) fingerprint = first.Fingerprint;
        var file = Path.Combine(_folder, ExportSigner.DefaultFileName);
        File.Delete(file);

        var refused = Assert.Throws<StartupRefusedException>(() => Load(null, fingerprint)).Message;
        Assert.Contains(file, refused);
        Assert.Contains("Restore it from your backup", refused);
        Assert.False(File.Exists(file)); // no new key in its place
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage\n")]
    [InlineData("public")]
    public void A_damaged_key_file_or_a_public_key_alone_is_refused_naming_the_file(string content)
    {
        var file = Path.Combine(_folder, ExportSigner.DefaultFileName);
        using (var first = Load()) content = content == "public" ? first.PublicKeyPem : content;
        File.WriteAllText(file, content);

        var refused = Assert.Throws<StartupRefusedException>(() => Load()).Message;
        Assert.Contains(file, refused);
        Assert.Contains("cannot be read", refused);
    }

    [Fact]
    public void A_key_other_than_the_one_that_signed_the_newest_export_is_refused()
    {
        string fingerprint;
        using (var first = Load()) fingerprint = first.Fingerprint;
        var file = Path.Combine(_folder, ExportSigner.DefaultFileName);
        File.Delete(file);
        using (Load()) { } // another key, as a copied data folder of another installation would hold

        var refused = Assert.Throws<StartupRefusedException>(() => Load(null, fingerprint)).Message;
        Assert.Contains(file, refused);
        Assert.Contains("not the key that signed the newest export", refused);
    }

    [Fact]
    public void Malformed_signatures_do_not_verify()
    {
        using var signer = Load();
        Assert.False(signer.VerifyText("cover", null));
        Assert.False(signer.VerifyText("cover", "not base64!"));
        Assert.False(signer.VerifyText("cover", Convert.ToBase64String(new byte[70])));
        Assert.False(signer.VerifyText("cover!", signer.SignText("cover")));
    }

    private ExportSigner Load() => Load(null);

    private ExportSigner Load(string? keyFile, string? newestSignedFingerprint = null)
    {
        var settings = new Dictionary<string, string?> { [DataFolder.ConfigurationKey] = _folder };
        if (keyFile is not null) settings[ExportSigner.ConfigurationKey] = keyFile;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return ExportSigner.Load(configuration, new DataFolder(configuration, new HostingEnvironment { ContentRootPath = _folder }), newestSignedFingerprint);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
