using System.Diagnostics;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// Programs of the operating system some tests drive (LibreOffice, Debian's Python with openpyxl, openssl). Outside CI a test
/// whose program is missing is skipped, saying which package provides it; under <c>CI=true</c> it fails instead, never skips
/// (.ci/run installs the packages).
/// </summary>
public static class ExternalTools
{
    public const string Soffice = "/usr/bin/soffice", Python = "/usr/bin/python3", Openssl = "/usr/bin/openssl";

    public static bool UnderCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static void Require(string program, string debianPackage) =>
        Need(File.Exists(program), $"{program} is missing (Debian: apt-get install {debianPackage}).");

    public static void RequirePythonModule(string module, string debianPackage)
    {
        Require(Python, "python3");
        Need(Run(Python, ["-c", $"import {module}"], Path.GetTempPath()).ExitCode == 0, $"{Python} cannot import {module} (Debian: apt-get install {debianPackage}).");
    }

    /// <summary>Opens each workbook in headless LibreOffice (a throwaway profile) and saves it as .xlsx under the same name in <paramref name="outputFolder"/>.</summary>
    public static void ResaveWithLibreOffice(IReadOnlyList<string> workbooks, string outputFolder)
    {
        Require(Soffice, "libreoffice-calc-nogui");
        var profile = Directory.CreateTempSubdirectory("cc-lo-profile-").FullName;
        try
        {
            var converted = Run(Soffice, [$"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx", "--outdir", outputFolder, .. workbooks],
                outputFolder);
            Assert.True(converted.ExitCode == 0, converted.Output);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    public sealed record Outcome(int ExitCode, string Output);

    /// <summary>Runs a program to its end (at most two minutes) and returns its exit code with standard output and error together.</summary>
    public static Outcome Run(string program, IEnumerable<string> arguments, string workingFolder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within two minutes.");
        }
        return new Outcome(process.ExitCode, output + error.Result);
    }

    private static void Need(bool present, string reason)
    {
        if (present) return;
        if (UnderCi) throw new InvalidOperationException(reason + " Under CI=true this test must run.");
        Assert.Skip(reason + " Under CI=true this test runs.");
    }
}
