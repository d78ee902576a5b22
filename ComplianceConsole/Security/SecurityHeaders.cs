namespace ComplianceConsole.Security;

/// <summary>Response headers that keep the console out of frames and stop browsers guessing content types.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    // MudBlazor sets inline styles; scripts come only from the app itself. 'self' covers the Blazor WebSocket.
    // Images and media only from the console itself: a case's media is fetched by the console and served from here, so no
    // address a platform wrote can make a reviewer's browser call out (data: stays for images in the component library's styles).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }
}
