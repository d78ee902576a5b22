using System.Runtime.CompilerServices;
using ComplianceConsole.Tests.Infrastructure;

namespace ComplianceConsole.Tests.Deployment;

/// <summary>
/// The README's nginx sample is the file in deploy/nginx (so the two cannot drift), and nginx accepts it as pasted, with only
/// the listening ports, the instances' addresses and the certificate paths filled in. <see cref="NginxInFrontOfTwoInstancesTests"/>
/// then runs it in front of two instances.
/// </summary>
public sealed class NginxSampleTests
{
    private const string Start = "<!-- nginx-sample -->", End = "<!-- /nginx-sample -->";

    [Fact]
    public void The_readmes_nginx_sample_is_the_file_in_deploy_nginx()
    {
        var readme = File.ReadAllText(ReadmePath());
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no block between {Start} and {End}.");
        var block = readme[(start + Start.Length)..end].Trim();
        Assert.StartsWith("```nginx\n", block);
        Assert.EndsWith("\n```", block);
        Assert.Equal(File.ReadAllText(NginxServer.SampleFile()), block["```nginx\n".Length..^"```".Length]);
    }

    [Fact]
    public void Nginx_accepts_the_sample_with_only_ports_addresses_and_certificate_paths_filled_in()
    {
        ExternalTools.Require(NginxServer.Program, NginxServer.DebianPackage);
        using var nginx = NginxServer.InFrontOf("127.0.0.1:5204", "127.0.0.1:5205");
        var test = nginx.Test();
        Assert.True(test.ExitCode == 0, test.Output);
        Assert.Contains("test is successful", test.Output);
    }

    private static string ReadmePath([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "README.md");
}
