using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Setup;

/// <summary>
/// Before setup, every page leads to /setup; after it, /setup answers 404 for good.
/// </summary>
internal sealed class SetupGate(RequestDelegate next, SetupService setup)
{
    public const string Path = "/setup";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetup = path.Equals(Path, StringComparison.OrdinalIgnoreCase);
        if (setup.IsCompleted && isSetup)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        if (!setup.IsCompleted && !isSetup && PageNavigation.IsPageNavigation(context.Request))
        {
            context.Response.Redirect(Path);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
