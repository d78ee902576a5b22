using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Every error the API gives is RFC 7807 problem details, in every environment: unknown paths and methods, and
/// failures, which never show a stack trace or echo a request header (the API key) the way the developer page does.
/// </summary>
public static class ApiErrors
{
    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Goes after the pages' status code handling, so that an API answer is already problem details when that sees it.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseWhen(context => IsApiRequest(context.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    public static IResult Problem(int status, IStringLocalizer<SharedResource> localizer, string detailKey, params object[] arguments) =>
        TypedResults.Problem(statusCode: status, detail: localizer[detailKey, arguments]);
}
