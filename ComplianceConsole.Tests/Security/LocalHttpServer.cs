using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ComplianceConsole.Tests.Security;

/// <summary>What the test server answers to one path.</summary>
public sealed record LocalAnswer(int Status, string? ContentType = null, byte[]? Body = null, string? Location = null);

/// <summary>A web server on 127.0.0.1 standing in for someone else's host: it answers each path as told and counts every request.</summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, LocalAnswer> _answers = new();

    public LocalHttpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add($"http://localhost:{Port}/");
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public int Port { get; }

    /// <summary>Every request that came in, by path.</summary>
    public ConcurrentQueue<string> Hits { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public string Answer(string path, LocalAnswer answer)
    {
        _answers[path] = answer;
        return Url(path);
    }

    private async Task ListenAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var path = context.Request.Url!.AbsolutePath;
            Hits.Enqueue(path);
            var answer = _answers.GetValueOrDefault(path, new LocalAnswer(404));
            try
            {
                context.Response.StatusCode = answer.Status;
                if (answer.ContentType is { } type) context.Response.ContentType = type;
                if (answer.Location is { } location) context.Response.RedirectLocation = location;
                if (answer.Body is { } body) await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        }
    }

    public void Dispose() => _listener.Close();
}
