using System.Text;
using ComplianceConsole.Security.Network;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>The answer to one attempt: success (2xx), or the status code and error that says why not.</summary>
public sealed record WebhookAttemptResult(bool Succeeded, int? StatusCode, string? Error);

/// <summary>
/// Posts one signed event. Connections go only to public addresses (checked after DNS, at connect time, so a name that
/// resolves to this machine or a private network is refused however it is spelled), through no proxy, and a redirect
/// is a failure rather than followed.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string UserAgent = "ComplianceConsole-Webhooks/1";
    private readonly IOptionsMonitor<WebhookOptions> _options;
    private readonly TimeProvider _clock;
    private readonly HttpClient _client;

    public WebhookSender(IOptionsMonitor<WebhookOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _client = new HttpClient(OutboundAddressGuard.Handler(() => _options.CurrentValue.AllowPrivateAddresses)) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>The JSON body every attempt of an event carries, byte for byte.</summary>
    public static string Body(Guid eventId, string type, DateTime occurredAtUtc, string payload) =>
        $$"""{"id":"{{eventId}}","type":"{{type}}","occurredAt":"{{occurredAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)}}","data":{{payload}}}""";

    public async Task<WebhookAttemptResult> SendAsync(string url, string secret, Guid eventId, string type, string body, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.CurrentValue.AttemptTimeoutSeconds);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.EventIdHeader, eventId.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, type);
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(secret, _clock.GetUtcNow().ToUnixTimeSeconds(), body));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new WebhookAttemptResult(true, status, null);
            var error = $"HTTP {status} {response.ReasonPhrase}".Trim();
            // A redirect could lead anywhere, this machine included: it is reported, never followed.
            if (status is >= 300 and < 400) error += $": redirect to {response.Headers.Location} not followed.";
            return new WebhookAttemptResult(false, status, error.Length <= WebhookRules.MaxErrorLength ? error : error[..WebhookRules.MaxErrorLength]);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(false, null, $"No answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttemptResult(false, null, Describe(e));
        }
    }

    private static string Describe(Exception e)
    {
        var message = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} {inner.Message}" : e.Message;
        return message.Length <= WebhookRules.MaxErrorLength ? message : message[..WebhookRules.MaxErrorLength];
    }

    public void Dispose() => _client.Dispose();
}
