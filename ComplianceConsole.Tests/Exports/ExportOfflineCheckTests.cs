using System.Runtime.CompilerServices;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>
/// The README's offline check, run exactly as printed there (taken from README.md between its markers, so the two cannot
/// drift) with Debian's Python and openssl: a real export passes; a forged one fails, whichever way it was forged.
/// </summary>
public sealed class ExportOfflineCheckTests(ExportApp app) : IClassFixture<ExportApp>
{
    private const string Start = "<!-- offline-check -->", End = "<!-- /offline-check -->";

    [Fact]
    public async Task A_real_export_passes_the_readmes_offline_check()
    {
        var outcome = Check(await ExportedAsync());

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("Data digest matches the cover", outcome.Output);
        Assert.Contains("Verified OK", outcome.Output);
    }

    [Fact]
    public async Task Forged_exports_fail_the_readmes_offline_check()
    {
        var bytes = await ExportedAsync();

        var recomputed = Check(ExportForgeries.DataChangedAndDigestRecomputed(bytes, 2, 6, "已认证 / Verified"));
        Assert.NotEqual(0, recomputed.ExitCode);
        Assert.Contains("Data digest matches the cover", recomputed.Output);
        Assert.Contains("Verification failure", recomputed.Output);

        var masking = Check(ExportForgeries.CoverEdited(bytes, ExportForgeries.MaskingLabel, "未脱敏 / Unmasked"));
        Assert.NotEqual(0, masking.ExitCode);
        Assert.Contains("Verification failure", masking.Output);

        var altered = Check(ExportForgeries.CoverEdited(bytes, ExportForgeries.DigestLabel, new string('0', 64)));
        Assert.NotEqual(0, altered.ExitCode);
        Assert.Contains("the data was altered", altered.Output);
    }

    private async Task<byte[]> ExportedAsync()
    {
        var (queued, _) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger));
        return (await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!;
    }

    private ExternalTools.Outcome Check(byte[] workbook)
    {
        ExternalTools.RequirePythonModule("openpyxl", "python3-openpyxl");
        ExternalTools.Require(ExternalTools.Openssl, "openssl");
        var folder = Directory.CreateTempSubdirectory("cc-offline-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "export.xlsx"), workbook);
            File.WriteAllText(Path.Combine(folder, ExportSigner.PublicKeyFileName), app.App.Services.GetRequiredService<ExportSigner>().PublicKeyPem);
            // Debian's python3 (with openpyxl) first on the path, as on an inspector's machine.
            return ExternalTools.Run("/bin/bash", ["-eo", "pipefail", "-c", ReadmeSnippet()], folder, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ReadmeSnippet([CallerFilePath] string here = "")
    {
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "README.md"));
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no block between {Start} and {End}.");
        var block = readme[(start + Start.Length)..end].Trim();
        Assert.StartsWith("```bash\n", block);
        Assert.EndsWith("\n```", block);
        return block["```bash\n".Length..^"\n```".Length];
    }
}
