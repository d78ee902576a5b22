using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClosedXML.Excel;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>Verify a file: an unaltered export is recognised, one changed cell is caught, and anything else gets an answer, never a 500.</summary>
public sealed class ExportVerifyTests(ExportApp app) : IClassFixture<ExportApp>
{
    [Fact]
    public async Task An_unaltered_export_is_recognised_with_who_asked_for_it_and_when()
    {
        var (bytes, exportId) = await ExportedAsync();
        var result = await VerifyAsync(bytes);

        Assert.Equal(ExportVerdict.Unaltered, result.Verdict);
        Assert.Equal(exportId, result.Export?.Id);
        Assert.Equal(TestApp.ShownName(ExportApp.Manager), result.Export?.RequestedByName);
    }

    [Fact]
    public async Task One_changed_cell_is_detected_and_a_resave_without_changes_is_not()
    {
        var (bytes, exportId) = await ExportedAsync();

        using var changed = new XLWorkbook(new MemoryStream(bytes));
        changed.Worksheet(2).Cell(2, 6).Value = "已认证 / Verified";
        var altered = await VerifyAsync(Save(changed));
        Assert.Equal(ExportVerdict.Altered, altered.Verdict);
        Assert.NotNull(altered.Export);
        Assert.NotEqual(altered.CoverDigest, altered.DataDigest);

        using var untouched = new XLWorkbook(new MemoryStream(bytes));
        var resaved = await VerifyAsync(Save(untouched));
        Assert.Equal(ExportVerdict.DataUnaltered, resaved.Verdict);
        Assert.Equal(resaved.CoverDigest, resaved.DataDigest);
        Assert.True(resaved.Export?.Id <= exportId);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_not_an_export_says_so()
    {
        Assert.Equal(ExportVerdict.NotAWorkbook, (await VerifyAsync("name,id\n张三,1\n"u8.ToArray())).Verdict);

        using var plain = new XLWorkbook();
        plain.AddWorksheet("Sheet1").Cell(1, 1).Value = "hello";
        Assert.Equal(ExportVerdict.NotAnExport, (await VerifyAsync(Save(plain))).Verdict);
    }

    [Fact]
    public async Task The_verify_endpoint_answers_tooling_with_an_api_key_and_refuses_non_workbooks_with_problem_details()
    {
        var (bytes, exportId) = await ExportedAsync();
        string key;
        await using (var admin = app.App.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync("verifier", [ExportPermissions.VerifyFile])).Key!;
        }
        var client = app.App.CreateClient();

        var anonymous = await client.PostAsync("/api/v1/exports/verify", Upload(bytes));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var answer = await client.PostAsync("/api/v1/exports/verify", Upload(bytes));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Unaltered", body.GetProperty("verdict").GetString());
        Assert.Equal(exportId, body.GetProperty("export").GetProperty("id").GetInt64());

        var text = await client.PostAsync("/api/v1/exports/verify", Upload("not a workbook"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);

        var json = await client.PostAsync("/api/v1/exports/verify", JsonContent.Create(new { file = "x" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(byte[] Bytes, long ExportId)> ExportedAsync()
    {
        var (queued, _) = await app.ExportAsync(ExportApp.Manager, ExportApp.Today(ExportKind.VerificationLedger));
        return ((await app.DownloadAsync(ExportApp.Manager, queued.ExportId!.Value))!, queued.ExportId.Value);
    }

    private async Task<ExportVerification> VerifyAsync(byte[] bytes)
    {
        // The verifier answers whoever may reach it (a page's policy, an API key's scope); it needs no signed-in person.
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExportVerifier>().VerifyAsync(new MemoryStream(bytes));
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, ExportEndpoints.VerifyFileField, "export.xlsx" } };
    }
}
