using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// The app (published, or as built: <see cref="BuiltDll"/>) in a process of its own, in Production, on a free loopback port, with its
/// standard output and error kept, and the settings it is given as environment variables.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public AppProcess(string dll, string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        Url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--urls", Url }) start.ArgumentList.Add(argument);
        // Settings the shell running the tests may hold would decide instead of the app's own folder and these.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ComplianceConsole__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
            || k is "DOTNET_CONTENTROOT" or "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ComplianceConsole__DataFolder"] = dataFolder;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(_error, line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The app as the tests' own build left it, beside its sources (no publish needed).</summary>
    public static string BuiltDll
    {
        get
        {
            var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryRoot(), "ComplianceConsole", "bin", configuration, "net10.0", "ComplianceConsole.dll");
        }
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ComplianceConsole.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds ComplianceConsole.sln.");
    }

    public string Url { get; }

    public string Output => Read(_output);

    public string Error => Read(_error);

    public async Task WaitUntilItAnswersAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (_process.HasExited) Assert.Fail($"The app exited with code {_process.ExitCode}:\n{Output}\n{Error}");
            try
            {
                (await client.GetAsync("/healthz")).Dispose();
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task<string> WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"The app did not print \"{text}\" within {Patience.TotalSeconds} s:\n{Output}");
            await Task.Delay(50);
        }
        return Output;
    }

    public async Task<int> WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token); // also waits for the last of its output
        return _process.ExitCode;
    }

    private static void Keep(StringBuilder kept, string? line)
    {
        if (line is null) return;
        lock (kept) kept.AppendLine(line);
    }

    private static string Read(StringBuilder kept)
    {
        lock (kept) return kept.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>kill -9: the process ends at once, with no chance to finish or record anything.</summary>
    public void KillHard()
    {
        _process.Kill(); // SIGKILL on Linux
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
