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
        Assert.Throws<FileNotFoundException>(() => Load(missing));
        Assert.False(File.Exists(missing));
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

    private ExportSigner Load(string? keyFile)
    {
        var settings = new Dictionary<string, string?> { [DataFolder.ConfigurationKey] = _folder };
        if (keyFile is not null) settings[ExportSigner.ConfigurationKey] = keyFile;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return ExportSigner.Load(configuration, new DataFolder(configuration, new HostingEnvironment { ContentRootPath = _folder }));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
