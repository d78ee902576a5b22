using System.Reflection;

namespace ComplianceConsole;

/// <summary>
/// The content root (appsettings.json, wwwroot) is the folder the app is installed in, not the working directory: a
/// service manager running <c>dotnet /opt/cc/ComplianceConsole.dll</c> from / got empty CSS and JavaScript and no settings.
/// An explicit <c>--contentRoot</c> or ASPNETCORE_CONTENTROOT / DOTNET_CONTENTROOT still decides.
/// </summary>
public static class ApplicationFolder
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsSetExplicitly(args) || !IsOwnProcess ? null : AppContext.BaseDirectory,
    };

    private static bool IsSetExplicitly(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));

    /// <summary>False when a test host (WebApplicationFactory) runs the app inside its own process and sets the content root itself.</summary>
    public static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(ApplicationFolder).Assembly;
}
