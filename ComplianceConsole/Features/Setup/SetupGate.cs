using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Setup;

/// <summary>
/// Before setup, every page leads to /setup; after it, /setup answers 404 for good, except to a setup form sent from a page
/// drawn before another instance or person completed it: that one is told so (<see cref="SetupOutcome.AlreadyCompleted"/>).
/// </summary>
internal sealed class SetupGate(RequestDelegate next, SetupService setup)
{
    public const string Path = "/setup";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetup = path.Equals(Path, StringComparison.OrdinalIgnoreCase);
        if (isSetup && !HttpMethods.IsPost(context.Request.Method) && await setup.IsCompletedAsync(context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!isSetup && PageNavigation.IsPageNavigation(context.Request) && !await setup.IsCompletedAsync(context.RequestAborted))
        {
            context.Response.Redirect(Path);
            return;
        }
        await next(context);
    }
}
