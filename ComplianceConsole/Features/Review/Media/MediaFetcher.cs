using ComplianceConsole.Security.Files;
using ComplianceConsole.Security.Network;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Review.Media;

/// <summary>Media bytes and their sniffed type, or the message key (and its arguments) saying why there are none.</summary>
public sealed record FetchedMedia(byte[]? Content, string? ContentType, string? ProblemKey, params object[] ProblemArguments)
{
    public static FetchedMedia Problem(string key, params object[] arguments) => new(null, null, key, arguments);
}

/// <summary>
/// Fetches a platform-supplied media address for the console, through the <see cref="OutboundAddressGuard"/>: http(s) only,
/// public addresses only (checked again on the connected address), no redirect followed, no more than
/// <see cref="MediaOptions.MaxBytes"/> read, within <see cref="MediaOptions.TimeoutSeconds"/>, and only image, audio or video.
/// </summary>
public sealed class MediaFetcher : IDisposable
{
    public const string UserAgent = "ComplianceConsole-Media/1";
    private readonly IOptionsMonitor<MediaOptions> _options;
    private readonly HttpClient _client;

    public MediaFetcher(IOptionsMonitor<MediaOptions> options)
    {
        _options = options;
        _client = new HttpClient(OutboundAddressGuard.Handler(() => _options.CurrentValue.AllowPrivateAddresses)) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    public async Task<FetchedMedia> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !OutboundAddressGuard.IsWebAddress(uri) || uri.UserInfo.Length > 0) return FetchedMedia.Problem("Media.NotWebAddress");
        if (OutboundAddressGuard.RefusalFor(uri, options.AllowPrivateAddresses) is { } refusal) return FetchedMedia.Problem("Media.AddressRefused", refusal.Host, refusal.Refused);
        var megabytes = options.MaxBytes / (1024 * 1024);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400) return FetchedMedia.Problem("Media.Redirect", status);
            if (!response.IsSuccessStatusCode) return FetchedMedia.Problem("Media.HttpError", status);
            if (response.Content.Headers.ContentLength > options.MaxBytes) return FetchedMedia.Problem("Media.TooLarge", megabytes);
            await using var body = new LimitedReadStream(await response.Content.ReadAsStreamAsync(attempt.Token), options.MaxBytes);
            using var content = new MemoryStream();
            await body.CopyToAsync(content, attempt.Token);
            if (body.Exceeded) return FetchedMedia.Problem("Media.TooLarge", megabytes);
            var bytes = content.ToArray();
            return MediaSniffing.ContentTypeOf(bytes) is { } type ? new FetchedMedia(bytes, type, null) : FetchedMedia.Problem("Media.WrongType");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchedMedia.Problem("Media.Timeout", options.TimeoutSeconds);
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return FetchedMedia.Problem("Media.AddressRefused", uri.Host, refused.Refused);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return FetchedMedia.Problem("Media.Unreachable", uri.Host);
        }
    }

    public void Dispose() => _client.Dispose();
}
