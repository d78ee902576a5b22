using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Media;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Network;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// The console fetches a case's media itself, and only what a reviewer may safely see: no private address (unless a test allows
/// it), no redirect, nothing larger than the limit, nothing that is not an image, audio or video.
/// </summary>
public sealed class MediaFetchTests(MediaFetchApps apps) : IClassFixture<MediaFetchApps>, IDisposable
{
    public const string Reviewer = MediaFetchApps.Reviewer;
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    // A media server of each test's own, so its hits are that test's alone; the apps are the class's, reset before each test.
    private readonly LocalHttpServer _media = new();
    private readonly TestApp _guarded = apps.Guarded;
    private readonly TestApp _allowed = apps.ResetAllowed();

    public void Dispose() => _media.Dispose();

    [Theory]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("[::ffff:127.0.0.1]", AddressClass.Loopback)]
    [InlineData("[64:ff9b::7f00:1]", AddressClass.Loopback)]
    [InlineData("localhost", AddressClass.Loopback)]
    public async Task A_media_address_on_this_machine_is_refused_saying_why_and_nothing_reaches_it(string host, AddressClass refused)
    {
        _media.Answer("/photo.png", new LocalAnswer(200, "image/png", Png));

        var media = await FetchAsync(_guarded, $"http://{host}:{_media.Port}/photo.png");

        Assert.Equal("Media.AddressRefused", media.ProblemKey);
        Assert.Equal(refused, media.ProblemArguments[1]);
        Assert.Null(media.Content);
        Assert.Empty(_media.Hits);
    }

    [Fact]
    public async Task With_loopback_explicitly_allowed_an_image_is_fetched_once_kept_and_served_as_the_type_it_is()
    {
        var url = _media.Answer("/photo.png", new LocalAnswer(200, "text/html", Png));

        var first = await FetchAsync(_allowed, url, "kept");
        var caseId = first.CaseId;
        Assert.Equal("image/png", first.Media.ContentType);
        Assert.Equal(Png, first.Media.Content);
        await using (var reviewer = _allowed.As(Reviewer))
        {
            Assert.Equal(Png, (await reviewer.Get<CaseMedia>().GetAsync(caseId)).Content);
        }
        Assert.Single(_media.Hits);
    }

    [Fact]
    public async Task The_kept_copy_is_encrypted_at_rest_and_goes_when_retention_erases_the_media_link()
    {
        var (caseId, media) = await FetchAsync(_allowed, _media.Answer("/kept.png", new LocalAnswer(200, "image/png", Png)), "retained");
        Assert.Equal(Png, media.Content);
        var folder = Path.Combine(_allowed.DataFolderPath, CaseMedia.FolderName);
        var kept = File.ReadAllBytes(Assert.Single(Directory.GetFiles(folder)));
        Assert.True(kept.AsSpan().IndexOf(Png.AsSpan(0, 8)) < 0 && kept.AsSpan().IndexOf("IHDR"u8) < 0, "the kept media is stored as plain PNG");

        await using (var db = await _allowed.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var itemId = await db.ReviewCases.Where(c => c.Id == caseId).Select(c => c.ContentItemId).SingleAsync(TestContext.Current.CancellationToken);
            var contentItems = _allowed.Services.GetServices<IRetentionTarget>().Single(t => t.Kind == RetentionKind.ContentItems);
            // As the purge does: in a transaction of its own.
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await contentItems.RemoveAsync(db, [itemId], TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Empty(Directory.GetFiles(folder));
        await using var reviewer = _allowed.As(Reviewer);
        Assert.Equal("Media.None", (await reviewer.Get<CaseMedia>().GetAsync(caseId)).ProblemKey);
    }

    [Fact]
    public async Task A_response_too_large_of_another_type_or_a_redirect_is_refused_saying_which()
    {
        var tooLarge = _media.Answer("/huge.png", new LocalAnswer(200, "image/png", [.. Png, .. new byte[2048]]));
        var html = _media.Answer("/page", new LocalAnswer(200, "image/png", "<html><script>alert(1)</script></html>"u8.ToArray()));
        var svg = _media.Answer("/drawing.svg", new LocalAnswer(200, "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")));
        var moved = _media.Answer("/moved", new LocalAnswer(302, Location: _media.Url("/elsewhere")));

        Assert.Equal(("Media.TooLarge", 0L), Problem(await FetchAsync(_allowed, tooLarge)));
        Assert.Equal("Media.WrongType", (await FetchAsync(_allowed, html)).ProblemKey);
        Assert.Equal("Media.WrongType", (await FetchAsync(_allowed, svg)).ProblemKey);
        Assert.Equal(("Media.Redirect", 302), Problem(await FetchAsync(_allowed, moved)));
        Assert.DoesNotContain("/elsewhere", _media.Hits);
    }

    [Fact]
    public async Task Every_page_allows_images_and_media_only_from_the_console_itself()
    {
        var response = await _guarded.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());

        Assert.Equal(["'self'", "data:"], directives["img-src"]);
        Assert.Equal(["'self'"], directives["media-src"]);
        Assert.Equal(["'self'"], directives["default-src"]);
    }

    [Fact]
    public async Task The_media_endpoint_serves_nothing_to_someone_not_signed_in()
    {
        var url = _media.Answer("/photo.png", new LocalAnswer(200, "image/png", Png));
        var caseId = await ReviewDecisionApp.CreateCaseAsync(_allowed.Services, "media-anonymous", "media-author", MediaType.Image, url);
        var client = _allowed.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(MediaEndpoints.UrlOf(caseId), TestContext.Current.CancellationToken);

        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_media.Hits);
    }

    private static (string? Key, object? Argument) Problem(FetchedMedia media) => (media.ProblemKey, media.ProblemArguments.FirstOrDefault());

    private static async Task<FetchedMedia> FetchAsync(TestApp app, string url) => (await FetchAsync(app, url, Guid.NewGuid().ToString("N"))).Media;

    private static async Task<(long CaseId, FetchedMedia Media)> FetchAsync(TestApp app, string url, string contentId)
    {
        var caseId = await ReviewDecisionApp.CreateCaseAsync(app.Services, contentId, "media-author", MediaType.Image, url);
        await using var reviewer = app.As(Reviewer);
        return (caseId, await reviewer.Get<CaseMedia>().GetAsync(caseId));
    }
}

/// <summary>
/// The two apps MediaFetchTests share, set up once per class: one that guards private addresses, one that allows them with a
/// 1 KB limit, each with a reviewer. What a test could see of an earlier one is the kept media in the data folder (each test's
/// cases are its own): <see cref="ResetAllowed"/> empties that folder.
/// </summary>
public sealed class MediaFetchApps : IAsyncLifetime
{
    public const string Reviewer = "reviewer@example.cn";

    public TestApp Guarded { get; } = new();

    public TestApp Allowed { get; } = new(new Dictionary<string, string>
    {
        ["ComplianceConsole:Media:AllowPrivateAddresses"] = "true",
        ["ComplianceConsole:Media:MaxBytes"] = "1024",
    });

    public async ValueTask InitializeAsync()
    {
        foreach (var app in new[] { Guarded, Allowed })
        {
            await app.CompleteSetupAsync();
            await app.CreateStaffAsync(Reviewer, Roles.Reviewer);
        }
    }

    /// <summary>The allowed app with no media kept from an earlier test.</summary>
    public TestApp ResetAllowed()
    {
        var folder = new DirectoryInfo(Path.Combine(Allowed.DataFolderPath, CaseMedia.FolderName));
        if (folder.Exists) foreach (var file in folder.EnumerateFiles()) file.Delete();
        return Allowed;
    }

    public ValueTask DisposeAsync()
    {
        Guarded.Dispose();
        Allowed.Dispose();
        return ValueTask.CompletedTask;
    }
}
