namespace ComplianceConsole.Features.Setup;

/// <summary>
/// Before setup, every page leads to /setup; after it, /setup answers 404 for good.
/// </summary>
internal sealed class SetupGate(RequestDelegate next, SetupService setup)
{
    public const string Path = "/setup";

    private static readonly string[] AlwaysOpen = ["/assets", "/_framework", "/_content", "/_blazor", "/healthz", "/preferences"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetup = path.Equals(Path, StringComparison.OrdinalIgnoreCase);
        if (setup.IsCompleted && isSetup)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        if (!setup.IsCompleted && !isSetup && HttpMethods.IsGet(context.Request.Method)
            && !AlwaysOpen.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(Path);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
