using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Security;

/// <summary>
/// A form post without a valid antiforgery token (a forged cross-site post, or a page left open past its token) is
/// answered 400 with a plain sentence, before any endpoint reads the form: re-rendering it as a page would read the
/// unvalidated form and fail with a server error.
/// </summary>
internal sealed class AntiforgeryFailures(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> localizer)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false })
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages) statusCodePages.Enabled = false;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(localizer["Antiforgery.Invalid"], context.RequestAborted);
    }
}
