using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Inspection;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Exports;

/// <summary>An inspection pack: every register of a period from one request, with a signed manifest an inspector checks offline.</summary>
public sealed class InspectionPackTests(ExportApp app) : IClassFixture<ExportApp>
{
    private static ExportForm Period(bool unmasked = false, string? reason = null)
    {
        var form = ExportApp.Today(ExportKind.VerificationLedger, unmasked, reason);
        form.Kind = null;
        return form;
    }

    private async Task<long> PackAsync(string email, ExportForm form)
    {
        await using var scope = app.App.As(email);
        var queued = await scope.Get<InspectionPackService>().QueueAsync(form);
        Assert.True(queued.Succeeded, queued.RefusalKey);
        var job = await app.App.WaitForJobAsync(email, queued.Value!.JobId);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        return job.Id;
    }

    [Fact]
    public async Task One_request_gives_every_register_and_a_signed_manifest_whose_hashes_match_each_file()
    {
        var jobId = await PackAsync(ExportApp.Manager, Period());

        var client = await app.App.SignInAsync(ExportApp.Manager);
        var response = await client.GetAsync($"/exports/packs/{jobId}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var folder = Directory.CreateTempSubdirectory("pack-").FullName;
        using (var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()))) zip.ExtractToDirectory(folder);

        var manifestBytes = await File.ReadAllBytesAsync(Path.Combine(folder, InspectionPackManifest.FileName));
        var signature = await File.ReadAllBytesAsync(Path.Combine(folder, InspectionPackManifest.SignatureFileName));
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(folder, InspectionPackManifest.PublicKeyFileName)));
        Assert.True(key.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var forged = manifestBytes.ToArray();
        forged[Array.LastIndexOf(forged, (byte)'"') - 1] ^= 1;
        Assert.False(key.VerifyData(forged, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), "a changed manifest no longer verifies");

        var manifest = InspectionPackManifest.Read(manifestBytes)!;
        Assert.Equal(ExportApp.ProviderName, manifest.Provider);
        Assert.False(manifest.Unmasked);
        await using var scope = app.App.As(ExportApp.Manager);
        Assert.Equal(scope.Get<ExportService>().Sources.Select(s => s.Kind), manifest.Files.Select(f => f.Kind));
        var verifier = scope.Get<ExportVerifier>();
        foreach (var file in manifest.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, file.Name));
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var verified = await verifier.VerifyAsync(new MemoryStream(bytes));
            Assert.Equal(file.ExportNumber, verified.Export?.Id);
        }
        await using var db = await app.ContextAsync();
        Assert.Equal(manifest.Files.Count, await db.ExportJobs.CountAsync(e => e.JobRecordId == jobId && e.FileSha256 != null));

        if (File.Exists("/usr/bin/openssl") || Environment.GetEnvironmentVariable("CI") == "true")
        {
            // The README's first step, as an inspector runs it.
            var openssl = Process.Start(new ProcessStartInfo("openssl", ["dgst", "-sha256", "-verify", InspectionPackManifest.PublicKeyFileName,
                "-signature", InspectionPackManifest.SignatureFileName, InspectionPackManifest.FileName])
            { WorkingDirectory = folder, RedirectStandardOutput = true })!;
            var said = await openssl.StandardOutput.ReadToEndAsync();
            await openssl.WaitForExitAsync();
            Assert.Equal("Verified OK", said.Trim());
        }
    }

    [Fact]
    public async Task A_pack_is_for_its_requester_and_an_auditor_cannot_ask_for_it_unmasked()
    {
        var jobId = await PackAsync(ExportApp.Manager, Period());

        var auditor = await app.App.SignInAsync(ExportApp.Auditor);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/exports/packs/{jobId}/file")).StatusCode);
        await using var scope = app.App.As(ExportApp.Auditor);
        var refused = await scope.Get<InspectionPackService>().QueueAsync(Period(unmasked: true, reason: "regulator inspection 2026"));
        Assert.Equal("Exports.UnmaskedRefused", refused.RefusalKey);
    }

    [Fact]
    public async Task A_pack_without_a_period_is_refused_with_the_fields_named()
    {
        await using var scope = app.App.As(ExportApp.Manager);
        var refused = await scope.Get<InspectionPackService>().QueueAsync(new ExportForm());

        Assert.Equal([nameof(ExportForm.FromDay), nameof(ExportForm.ToDay)], refused.Errors.Select(e => e.Field));
    }
}
