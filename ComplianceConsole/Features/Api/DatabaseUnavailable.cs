using System.Globalization;
using System.Text.Encodings.Web;
using ComplianceConsole.Data;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// A request that failed because the database is briefly unavailable (a restart, a failover: <see cref="TransientFailures"/>)
/// gets 503 with Retry-After, in the caller's language, in every environment: problem details from the API, a plain page for
/// people, written here so that nothing needing the database (the sign-in cookie's check, the layout) stands between the failure
/// and its answer. Anything else goes on to the usual error handling.
/// </summary>
public sealed class DatabaseUnavailable(RequestDelegate next, IStringLocalizer<SharedResource> localizer, IProblemDetailsService problems,
    ILogger<DatabaseUnavailable> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (TransientFailures.IsTransient(e) && !context.Response.HasStarted)
        {
            logger.LogWarning(e, "The database was unavailable to {Method} {Path}; answered 503.", context.Request.Method, context.Request.Path);
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var culture = await CultureOfAsync(context);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var seconds = (int)TransientFailures.RetryAfter.TotalSeconds;
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        string title = localizer["Database.Unavailable.Title"], message = localizer["Database.Unavailable.Message", seconds];
        if (ApiErrors.IsApiRequest(context.Request))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = message },
            });
            return;
        }
        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{html.Encode(culture.Name)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(title)}</title></head>
            <body style="font-family: system-ui, sans-serif; color: #1f1f1f; background: #fafafa; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
            <h1>{html.Encode(title)}</h1><p>{html.Encode(message)}</p><p><a href="{html.Encode(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}">{html.Encode(localizer["Shell.Reload"])}</a></p>
            </body></html>
            """);
    }

    /// <summary>As the request's own localisation would have chosen: the API by Accept-Language, pages by the person's choice.</summary>
    private static async Task<CultureInfo> CultureOfAsync(HttpContext context)
    {
        RequestCultureProvider provider = ApiErrors.IsApiRequest(context.Request) ? new ApiRequestCultureProvider() : new CookieRequestCultureProvider();
        var chosen = (await provider.DetermineProviderCultureResult(context))?.UICultures
            .SelectMany(c => new[] { c.Value ?? "", (c.Value ?? "").Split('-')[0] }).FirstOrDefault(Cultures.IsSupported);
        return CultureInfo.GetCultureInfo(chosen ?? Cultures.Default);
    }
}
