using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Exports;

/// <summary>
/// <c>POST /api/v1/exports/verify</c> on the real server: Kestrel refuses a body over 30,000,000 bytes unless the endpoint raises
/// its limit, and a 38 MB ledger export (300,000 rows) was answered 400 "not multipart" while the verify page took it.
/// </summary>
public sealed class ExportVerifyOverKestrelTests
{
    [Fact]
    public async Task A_file_over_kestrels_default_body_limit_and_under_the_verify_limit_is_read_and_judged()
    {
        using var app = new TestApp();
        var port = FreePort();
        app.UseKestrel(port);
        app.StartServer();
        await app.CompleteSetupAsync();
        string key;
        await using (var admin = app.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync("verifier", [ExportPermissions.VerifyFile])).Value!;
        }
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);

        var bytes = new byte[31_000_000];
        Random.Shared.NextBytes(bytes);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", "export.xlsx" } };
        var answer = await client.PostAsync("api/v1/exports/verify", upload, TestContext.Current.CancellationToken);

        // Read whole and judged: not a workbook (415), rather than refused unread as a malformed form (400).
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
