namespace ComplianceConsole.Security;

/// <summary>
/// Tells a person's page navigation from everything a page loads (scripts, styles, the Blazor connection),
/// so that gates which redirect people (first-run setup, two-factor enrolment) never redirect a file.
/// </summary>
public static class PageNavigation
{
    private static readonly string[] FrameworkPrefixes = ["/_framework", "/_content", "/_blazor", "/assets", "/healthz", "/preferences", "/api"];

    public static bool IsPageNavigation(HttpRequest request, params string[] alsoExempt) =>
        HttpMethods.IsGet(request.Method)
        && !Path.HasExtension(request.Path.Value)
        && !FrameworkPrefixes.Concat(alsoExempt).Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
