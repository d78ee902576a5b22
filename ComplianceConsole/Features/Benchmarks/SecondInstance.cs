using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ComplianceConsole.Data;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Another instance of the console in a process of its own, serving on a loopback port, on this one's PostgreSQL database and data
/// folder, as a second machine behind the load balancer would; stopped when disposed.
/// </summary>
internal sealed class SecondInstance : IAsyncDisposable
{
    private readonly Process _process;

    private SecondInstance(Process process, HttpClient client) => (_process, Client) = (process, client);

    public HttpClient Client { get; }

    public static async Task<SecondInstance> StartAsync(WebApplication app, IEnumerable<string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        // Run as `dotnet ComplianceConsole.dll …` or as the app's own executable.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(SecondInstance).Assembly.Location);
        foreach (var argument in settings.Concat(
        [
            $"--urls=http://127.0.0.1:{port}",
            $"--environment={app.Environment.EnvironmentName}",
            $"--{HttpsRequirement.ConfigurationKey}={HttpsRequirement.IsRequired(app.Configuration, app.Environment)}",
            $"--{DatabaseSettings.ProviderKey}=PostgreSql",
            $"--ConnectionStrings:Default={app.Services.GetRequiredService<DatabaseSettings>().ConnectionString}",
            $"--{DataFolder.ConfigurationKey}={app.Services.GetRequiredService<DataFolder>().Path}",
        ])) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => Keep(said, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(said, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await AnswersAsync(client))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("The second instance did not start:\n" + string.Join('\n', said));
            }
            await Task.Delay(100);
        }
        return new SecondInstance(process, client);
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> said, string? line)
    {
        if (line is null) return;
        said.Enqueue(line);
        while (said.Count > 40) said.TryDequeue(out _);
    }

    private static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops it as a service manager would (SIGTERM), killing it only if it has not stopped within half a minute.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await terminate.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
