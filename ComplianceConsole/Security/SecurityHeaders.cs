namespace ComplianceConsole.Security;

/// <summary>Response headers that keep the console out of frames and stop browsers guessing content types.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    // MudBlazor sets inline styles; scripts come only from the app itself. 'self' covers the Blazor WebSocket.
    // Images may come from any https address: a review case previews the platform's media where the platform keeps it.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
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
