using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using ClosedXML.Excel;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>
/// Verify a file: an export byte for byte, or re-saved with its signed cover intact, is recognised with who asked for it; a
/// changed cell is caught; a forgery whose digest adds up (recomputed, an edited cover, another installation's key) is never
/// taken for this console's export; anything else gets an answer, never a 500.
/// </summary>
public sealed class ExportVerifyTests(ExportApp app) : IClassFixture<ExportApp>
{
    [Fact]
    public async Task An_unaltered_export_downloaded_again_is_recognised_byte_for_byte_with_who_asked_for_it_and_when()
    {
        var (bytes, exportId) = await ExportedAsync();
        var again = await app.DownloadAsync(ExportApp.Manager, exportId);
        Assert.Equal(bytes, again);

        var result = await VerifyAsync(again!);
        Assert.Equal(ExportVerdict.Unaltered, result.Verdict);
        Assert.Equal(exportId, result.Export?.Id);
        Assert.Equal(TestApp.ShownName(ExportApp.Manager), result.Export?.RequestedByName);
    }

    [Fact]
    public async Task One_changed_cell_is_detected_and_a_resave_without_changes_is_recognised_as_the_same_export()
    {
        var (bytes, exportId) = await ExportedAsync();

        using var changed = new XLWorkbook(new MemoryStream(bytes));
        changed.Worksheet(2).Cell(2, 6).Value = "已认证 / Verified";
        using var output = new MemoryStream();
        changed.SaveAs(output);
        var altered = await VerifyAsync(output.ToArray());
        Assert.Equal(ExportVerdict.Altered, altered.Verdict);
        Assert.Equal(exportId, altered.Export?.Id);
        Assert.NotEqual(altered.CoverDigest, altered.DataDigest);

        var resaved = await VerifyAsync(ExportForgeries.Resaved(bytes));
        Assert.Equal(ExportVerdict.Resaved, resaved.Verdict);
        Assert.Equal(resaved.CoverDigest, resaved.DataDigest);
        Assert.Equal(exportId, resaved.Export?.Id);
    }

    [Fact]
    public async Task Changed_data_with_its_digest_recomputed_by_the_covers_recipe_is_not_taken_for_this_consoles_export()
    {
        var (bytes, exportId) = await ExportedAsync();

        var result = await VerifyAsync(ExportForgeries.DataChangedAndDigestRecomputed(bytes, 2, 6, "已认证 / Verified"));

        Assert.Equal(ExportVerdict.NotSignedByThisConsole, result.Verdict);
        Assert.Equal(result.CoverDigest, result.DataDigest);
        Assert.Equal(ExportSignatureProblem.Invalid, result.SignatureProblem);
        Assert.Equal([ExportForgeries.DigestLabel], result.DifferingCoverFields);
        Assert.Equal(exportId, result.Export?.Id);
    }

    [Fact]
    public async Task An_unmasked_export_whose_cover_says_masked_is_refused_naming_the_masking_line()
    {
        var (queued, _) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger, unmasked: true, reason: "监管检查要求原文"));
        var bytes = (await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!;

        var result = await VerifyAsync(ExportForgeries.CoverEdited(bytes, ExportForgeries.MaskingLabel, ExportForgeries.MaskedValue));

        Assert.Equal(ExportVerdict.NotSignedByThisConsole, result.Verdict);
        Assert.Equal(ExportSignatureProblem.Invalid, result.SignatureProblem);
        Assert.Equal([ExportForgeries.MaskingLabel], result.DifferingCoverFields);
    }

    [Fact]
    public async Task A_file_signed_by_another_installation_is_not_taken_for_this_consoles_export()
    {
        await using var other = new ExportApp();
        await other.InitializeAsync();
        var (queued, _) = await other.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger));
        var theirs = (await other.DownloadAsync(ExportApp.Manager, queued.ExportId))!;
        Assert.Equal(ExportVerdict.Unaltered, (await ExportApp.VerifyAsync(other.App, theirs)).Verdict);

        var result = await VerifyAsync(theirs);

        Assert.Equal(ExportVerdict.NotSignedByThisConsole, result.Verdict);
        Assert.Equal(ExportSignatureProblem.OtherKey, result.SignatureProblem);
        Assert.Equal(result.CoverDigest, result.DataDigest);
        using var book = new XLWorkbook(new MemoryStream(theirs));
        Assert.NotEqual(app.App.Services.GetRequiredService<ExportSigner>().Fingerprint, ExportApp.CoverValue(book, ExportForgeries.SigningKeyLabel));
    }

    [Fact]
    public async Task Two_empty_exports_share_their_data_digest_but_not_their_number_or_signature_and_each_verifies_as_itself()
    {
        var empty = new ExportForm { Kind = ExportKind.VerificationLedger, FromDay = new DateTime(2024, 1, 1), ToDay = new DateTime(2024, 1, 31) };
        var exports = new List<(long Id, byte[] Bytes)>();
        for (var i = 0; i < 2; i++)
        {
            var (queued, _) = await app.ExportAsync(ExportApp.Manager, empty);
            exports.Add((queued.ExportId, (await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!));
        }

        using var first = new XLWorkbook(new MemoryStream(exports[0].Bytes));
        using var second = new XLWorkbook(new MemoryStream(exports[1].Bytes));
        Assert.Equal(ExportApp.CoverValue(first, ExportForgeries.DigestLabel), ExportApp.CoverValue(second, ExportForgeries.DigestLabel));
        Assert.NotEqual(ExportApp.CoverValue(first, "导出编号"), ExportApp.CoverValue(second, "导出编号"));
        Assert.NotEqual(ExportApp.CoverValue(first, ExportForgeries.SignatureLabel), ExportApp.CoverValue(second, ExportForgeries.SignatureLabel));
        Assert.Equal("0", ExportApp.CoverValue(first, "数据行数"));
        Assert.Equal("2024-01-01 至 2024-01-31（含） / 2024-01-01 to 2024-01-31 (inclusive)", ExportApp.CoverValue(first, "期间"));
        foreach (var (id, bytes) in exports)
        {
            Assert.Equal((ExportVerdict.Unaltered, id), await VerdictAndIdAsync(bytes));
            Assert.Equal((ExportVerdict.Resaved, id), await VerdictAndIdAsync(ExportForgeries.Resaved(bytes)));
        }
    }

    [Fact]
    public async Task The_public_key_downloads_for_staff_and_tooling_and_its_fingerprint_is_the_one_on_every_cover()
    {
        var (bytes, _) = await ExportedAsync();
        using var book = new XLWorkbook(new MemoryStream(bytes));

        var staff = await app.App.SignInAsync(ExportApp.Manager);
        var pem = await staff.GetStringAsync(ExportEndpoints.SigningKeyPath);
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        Assert.Equal(ExportApp.CoverValue(book, ExportForgeries.SigningKeyLabel), ExportSigner.FingerprintOf(key.ExportSubjectPublicKeyInfo()));
        Assert.DoesNotContain("PRIVATE", pem);

        var anonymous = await app.App.CreateBrowserlikeClient().GetAsync(ExportEndpoints.SigningKeyPath);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        var tooling = await ApiClientAsync();
        Assert.Equal(pem, await tooling.GetStringAsync(ExportEndpoints.SigningKeyApiPath));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_not_an_export_says_so()
    {
        Assert.Equal(ExportVerdict.NotAWorkbook, (await VerifyAsync("name,id\n张三,1\n"u8.ToArray())).Verdict);

        using var plain = new XLWorkbook();
        plain.AddWorksheet("Sheet1").Cell(1, 1).Value = "hello";
        using var output = new MemoryStream();
        plain.SaveAs(output);
        Assert.Equal(ExportVerdict.NotAnExport, (await VerifyAsync(output.ToArray())).Verdict);
    }

    [Fact]
    public async Task The_verify_endpoint_answers_tooling_with_an_api_key_and_refuses_non_workbooks_with_problem_details()
    {
        var (bytes, exportId) = await ExportedAsync();

        var anonymous = await app.App.CreateClient().PostAsync("/api/v1/exports/verify", Upload(bytes));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var client = await ApiClientAsync();
        var answer = await client.PostAsync("/api/v1/exports/verify", Upload(bytes));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Unaltered", body.GetProperty("verdict").GetString());
        Assert.Equal(exportId, body.GetProperty("export").GetProperty("id").GetInt64());

        var forged = await client.PostAsync("/api/v1/exports/verify", Upload(ExportForgeries.DataChangedAndDigestRecomputed(bytes, 2, 6, "已认证 / Verified")));
        var forgedBody = await forged.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("NotSignedByThisConsole", forgedBody.GetProperty("verdict").GetString());
        Assert.Equal("Invalid", forgedBody.GetProperty("signatureProblem").GetString());
        Assert.Equal(ExportForgeries.DigestLabel, forgedBody.GetProperty("differingCoverFields")[0].GetString());

        var text = await client.PostAsync("/api/v1/exports/verify", Upload("not a workbook"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);

        var json = await client.PostAsync("/api/v1/exports/verify", JsonContent.Create(new { file = "x" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpClient> ApiClientAsync()
    {
        string key;
        await using (var admin = app.App.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync($"verifier-{Guid.NewGuid():N}"[..20], [ExportPermissions.VerifyFile])).Value!;
        }
        var client = app.App.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    private async Task<(byte[] Bytes, long ExportId)> ExportedAsync()
    {
        var (queued, _) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger));
        return ((await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!, queued.ExportId);
    }

    private async Task<(ExportVerdict, long?)> VerdictAndIdAsync(byte[] bytes)
    {
        var result = await VerifyAsync(bytes);
        return (result.Verdict, result.Export?.Id);
    }

    private Task<ExportVerification> VerifyAsync(byte[] bytes) => ExportApp.VerifyAsync(app.App, bytes);

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, ExportEndpoints.VerifyFileField, "export.xlsx" } };
    }
}
