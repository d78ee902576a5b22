using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ComplianceConsole.Features.Webhooks;

namespace ComplianceConsole.Tests.Webhooks;

/// <summary>One request as the receiver saw it, with whether its signature checked out against the secret it was given.</summary>
public sealed record ReceivedWebhook(Guid EventId, string Type, string Body, bool SignatureValid, int AnsweredWith, DateTime ReceivedAtUtc)
{
    public JsonElement Data => JsonDocument.Parse(Body).RootElement.GetProperty("data");
}

/// <summary>
/// The platform's side: an HTTP listener on 127.0.0.1 that checks each delivery's signature the way the README tells a
/// receiver to, answers with the status <see cref="Answer"/> chooses (or holds the request until released), and keeps what came in.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebhookReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>The secret the console showed for this receiver's endpoint.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The answer to the n-th request (counting from 1): a status code, or null to hold the request until <see cref="Release"/>.</summary>
    public Func<int, ReceivedWebhook, int?> Answer { get; set; } = (_, _) => 200;

    /// <summary>Requests answered, in the order they were answered.</summary>
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Requests that came in, answered or still held.</summary>
    public ConcurrentQueue<ReceivedWebhook> Arrived { get; } = new();

    public void Release() => _release.TrySetResult();

    public void HoldAgain() => _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition([.. Received]))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The receiver got {Received.Count} requests: {string.Join("; ", Received.Select(r => $"{r.Type} {r.EventId} → {r.AnsweredWith}"))}");
            await Task.Delay(50);
        }
        return [.. Received];
    }

    private async Task ListenAsync()
    {
        var count = 0;
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var number = Interlocked.Increment(ref count);
            _ = Task.Run(() => AnswerAsync(context, number));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, int number)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var signature = context.Request.Headers[WebhookSignature.HeaderName] ?? "";
        var valid = WebhookSignature.Verify(Secret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var eventId = Guid.TryParse(context.Request.Headers[WebhookSignature.EventIdHeader], out var id) ? id : Guid.Empty;
        var type = context.Request.Headers[WebhookSignature.EventTypeHeader] ?? "";
        var request = new ReceivedWebhook(eventId, type, body, valid, 0, DateTime.UtcNow);
        Arrived.Enqueue(request);
        var status = Answer(number, request);
        if (status is null)
        {
            await _release.Task;
            status = 200;
        }
        Received.Enqueue(request with { AnsweredWith = status.Value });
        try
        {
            context.Response.StatusCode = status.Value;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The console gave up on the request first.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        Release();
        _listener.Close();
        _stop.Dispose();
    }
}
