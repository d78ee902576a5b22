using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// Debian's nginx running the README's sample (<see cref="SampleFile"/>) as an operator installs it, with only its listening
/// ports, the instances' addresses and the certificate's paths filled in: as the current user, in a folder of its own (pid,
/// logs, temporary files), on loopback ports, with a self-signed certificate for 127.0.0.1. The sample is read inside an
/// <c>http</c> block, as Debian's <c>/etc/nginx/nginx.conf</c> reads <c>conf.d/*.conf</c>.
/// </summary>
public sealed class NginxServer : IDisposable
{
    public const string Program = "/usr/sbin/nginx", DebianPackage = "nginx";

    // What the sample has where an operator fills in their own.
    private const string SampleHttpsListen = "listen 443 ssl;", SampleHttpListen = "listen 80;";
    private const string SampleCertificate = "/etc/ssl/certs/console.example.cn.pem", SampleKey = "/etc/ssl/private/console.example.cn.key";
    private static readonly string[] SampleInstances = ["10.0.0.11:5204", "10.0.0.12:5204"];

    private readonly string _folder = Directory.CreateTempSubdirectory("cc-nginx-").FullName;
    private Process? _process;

    private NginxServer(IReadOnlyList<string> instances)
    {
        if (instances.Count != SampleInstances.Length) throw new ArgumentException($"The sample has {SampleInstances.Length} instances.", nameof(instances));
        HttpsPort = FreePort();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_folder, "certificate.pem"), Certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "certificate.key"), key.ExportPkcs8PrivateKeyPem());

        var sample = Fill(File.ReadAllText(SampleFile()), SampleHttpsListen, $"listen 127.0.0.1:{HttpsPort} ssl;");
        sample = Fill(sample, SampleHttpListen, $"listen 127.0.0.1:{FreePort()};");
        sample = Fill(sample, SampleCertificate, Path.Combine(_folder, "certificate.pem"));
        sample = Fill(sample, SampleKey, Path.Combine(_folder, "certificate.key"));
        for (var i = 0; i < instances.Count; i++) sample = Fill(sample, SampleInstances[i], instances[i]);
        File.WriteAllText(Path.Combine(_folder, "compliance-console.conf"), sample);
        File.WriteAllText(ConfigurationFile, MainConfiguration());
    }

    /// <summary>nginx configured in front of these instances (host:port each), not yet started.</summary>
    public static NginxServer InFrontOf(params string[] instances) => new(instances);

    /// <summary>The sample in the repository, the one the README shows.</summary>
    public static string SampleFile([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "deploy", "nginx", "compliance-console.conf"));

    public int HttpsPort { get; }
    public X509Certificate2 Certificate { get; }
    public Uri BaseAddress => new($"https://127.0.0.1:{HttpsPort}/");

    private string ConfigurationFile => Path.Combine(_folder, "nginx.conf");

    /// <summary><c>nginx -t</c>: whether the configuration is valid, as nginx says it.</summary>
    public ExternalTools.Outcome Test() => ExternalTools.Run(Program, [.. Arguments, "-t"], _folder);

    /// <summary>Starts nginx (checked with <see cref="Test"/> first) and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        var test = Test();
        Assert.True(test.ExitCode == 0, test.Output);
        var start = new ProcessStartInfo(Program) { WorkingDirectory = _folder };
        foreach (var argument in Arguments) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"nginx did not start: {File.ReadAllText(Path.Combine(_folder, "error.log"))}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>A client as a browser is: its own cookies, no automatic redirects, trusting this nginx's certificate.</summary>
    public HttpClient Client(CookieContainer cookies) => new(new SocketsHttpHandler
    {
        CookieContainer = cookies,
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = IsThisCertificate },
    }) { BaseAddress = BaseAddress };

    public bool IsThisCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(Certificate.GetCertHash());

    private string[] Arguments => ["-p", _folder + "/", "-c", ConfigurationFile, "-e", Path.Combine(_folder, "error.log")];

    /// <summary>What Debian's nginx.conf gives the sample, with every path in this folder; workers run as the user nginx is started as.</summary>
    private string MainConfiguration() => $$"""
        {{(Environment.IsPrivilegedProcess ? "user root;" : "")}}
        daemon off;
        worker_processes 1;
        pid {{_folder}}/nginx.pid;
        error_log {{_folder}}/error.log;
        events {
            worker_connections 256;
        }
        http {
            access_log {{_folder}}/access.log;
            client_body_temp_path {{_folder}}/client_body;
            proxy_temp_path {{_folder}}/proxy;
            fastcgi_temp_path {{_folder}}/fastcgi;
            uwsgi_temp_path {{_folder}}/uwsgi;
            scgi_temp_path {{_folder}}/scgi;
            include {{_folder}}/compliance-console.conf;
        }
        """;

    private static string Fill(string sample, string placeholder, string value)
    {
        Assert.Contains(placeholder, sample);
        return sample.Replace(placeholder, value);
    }

    private async Task<bool> AcceptsAsync()
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, HttpsPort);
            return true;
        }
        catch (SocketException)
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

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        Certificate.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
