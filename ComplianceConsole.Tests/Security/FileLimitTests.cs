using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Features.Verification.Import;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Files;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// Files that are small on disk and huge inside (a zip bomb), or have too many rows or too long a cell, are refused by every place
/// that opens them, with a message saying which limit, and reading stops at the limit whatever the file claims about itself.
/// The limits are shrunk (8 MB unpacked, 1000 rows) so the bombs stay quick to build.
/// </summary>
public sealed class FileLimitTests(FileLimitApp fixture) : IClassFixture<FileLimitApp>
{
    private const string Verifier = FileLimitApp.Verifier;
    private const long UnpackedLimit = FileLimitApp.UnpackedLimit;

    // One app for the class: every test here is refused something, so nothing is left that a later test could see.
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task A_workbook_that_unpacks_past_the_limit_is_refused_by_the_verification_import_preview_saying_so()
    {
        var bomb = ZipBomb.Xlsx(3 * UnpackedLimit);
        Assert.True(bomb.Length < 3 * UnpackedLimit / 100, $"the bomb is {bomb.Length} bytes on disk");

        var (error, stated) = await PreviewAsync(bomb, "submissions.xlsx");

        Assert.Equal("Upload.TooLargeUnpacked", error);
        Assert.Equal(8L, stated);
    }

    [Fact]
    public async Task A_part_compressed_far_beyond_any_real_workbook_is_refused_though_under_the_size_limit()
    {
        var (error, stated) = await PreviewAsync(ZipBomb.Xlsx(UnpackedLimit / 2), "submissions.xlsx");

        Assert.Equal("Upload.CompressionRatio", error);
        Assert.Equal(100, stated);
    }

    [Fact]
    public async Task A_table_with_more_rows_than_allowed_or_an_overlong_cell_is_refused_saying_which()
    {
        var manyRows = "姓名,证件号码\n" + string.Concat(Enumerable.Range(0, 1001).Select(i => $"张三,{i}\n"));
        Assert.Equal("Upload.TooManyRows", (await PreviewAsync(Encoding.UTF8.GetBytes(manyRows), "rows.csv")).Error);
        // About 1,200 rows in 120 KB: under the size and ratio checks, so it is the row count, read as the sheet streams, that stops it.
        Assert.Equal("Upload.TooManyRows", (await PreviewAsync(ZipBomb.Xlsx(120_000), "rows.xlsx")).Error);

        var longCell = "姓名,证件号码\n" + new string('长', 32_768) + ",1\n";
        Assert.Equal("Upload.CellTooLong", (await PreviewAsync(Encoding.UTF8.GetBytes(longCell), "cell.csv")).Error);
    }

    [Fact]
    public async Task The_export_verifier_refuses_a_zip_bomb_on_the_page_and_through_the_API_with_the_message()
    {
        var bomb = ZipBomb.Xlsx(3 * UnpackedLimit);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var verdict = await scope.ServiceProvider.GetRequiredService<ExportVerifier>().VerifyAsync(new MemoryStream(bomb), TestContext.Current.CancellationToken);
            Assert.Equal(ExportVerdict.UnpacksTooLarge, verdict.Verdict);
        }

        string key;
        await using (var admin = _app.As(TestApp.AdminEmail))
        {
            key = (await admin.Get<ApiKeyService>().CreateAsync("verifier", [ExportPermissions.VerifyFile])).Value!;
        }
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(bomb) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", "export.xlsx" } };
        var answer = await client.PostAsync("/api/v1/exports/verify", upload, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("压缩炸弹", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unpacking_stops_at_the_declared_size_when_the_central_directory_understates_a_part_and_the_file_is_refused()
    {
        const int declared = 50_000; // about 500 rows, under the row limit: the cut-off sheet itself is what gets it refused
        var lying = ZipBomb.Understating(ZipBomb.Xlsx(3 * UnpackedLimit), "xl/worksheets/sheet1.xml", declared);

        var inspection = SafeZip.Inspect(new MemoryStream(lying), new FileLimitsOptions { MaxUnpackedBytes = UnpackedLimit });

        // 24 MB are really in there; what is read of a part never goes past what the directory declared (and was checked).
        Assert.InRange(inspection.BytesUnpacked, 1, declared + 2_000);
        Assert.Equal("Import.Unreadable", (await PreviewAsync(lying, "submissions.xlsx")).Error);
    }

    [Fact]
    public void A_limited_stream_takes_no_more_than_the_limit_and_one_byte_from_an_endless_source()
    {
        var source = new EndlessStream();
        using var limited = new LimitedReadStream(source, 1_000_000);

        limited.CopyTo(Stream.Null);

        Assert.True(limited.Exceeded);
        Assert.Equal(1_000_001, source.Served);
    }

    private async Task<(string? Error, object? Stated)> PreviewAsync(byte[] content, string fileName)
    {
        await using var scope = _app.As(Verifier);
        var imports = scope.Get<VerificationImportService>();
        var received = await imports.ReceiveAsync(new MemoryStream(content), fileName, content.Length);
        Assert.Null(received.RefusalKey);
        var preview = await imports.PreviewAsync(received.Value!);
        Assert.Null(preview.Value);
        return (preview.RefusalKey, preview.RefusalKey is { } key ? imports.ProblemArgument(key) : null);
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Served += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The app FileLimitTests share, set up once per class, with the file limits shrunk and a verifier.</summary>
public sealed class FileLimitApp : IAsyncLifetime
{
    public const string Verifier = "verifier@example.cn";
    public const long UnpackedLimit = 8 * 1024 * 1024;

    public TestApp App { get; } = new(new Dictionary<string, string>
    {
        ["ComplianceConsole:FileLimits:MaxUnpackedBytes"] = UnpackedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ComplianceConsole:FileLimits:MaxRows"] = "1000",
    });

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}
