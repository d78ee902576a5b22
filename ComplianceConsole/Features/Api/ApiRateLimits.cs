using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Each API key has its own allowance per kind of call (scope) and minute: eligibility checks come with every publish and
/// are cheap, submissions are rarer and carry up to 1,000 items. A whole minute's allowance may be spent at once (publishing
/// comes in bursts). <see cref="ApiRateCounter"/> keeps the count: in the database on PostgreSQL, so it holds across every
/// instance of the app (taken in blocks, so a busy key costs an upsert every few dozen calls), and in memory on SQLite, which is one instance. A key over its allowance is answered 429 with <c>Retry-After</c> (the seconds left in the minute) and problem details.
/// </summary>
public static class ApiRateLimits
{
    public const string Submit = "api-submit";
    public const string Eligibility = "api-eligibility";

    /// <summary>Counts the endpoint's calls against the caller's allowance for this kind of call.</summary>
    public static TBuilder RequireApiRateLimit<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ApiRateLimitScope(scope));

    /// <summary>After authentication and authorisation: a call refused those is not counted, and the caller is known.</summary>
    public static IApplicationBuilder UseApiRateLimits(this IApplicationBuilder app) => app.UseMiddleware<ApiRateLimitMiddleware>();

    internal static int RequestsPerMinute(ApiOptions limits, string scope) =>
        scope == Submit ? limits.SubmitRequestsPerMinute : limits.EligibilityRequestsPerMinute;
}

public sealed record ApiRateLimitScope(string Name);

internal sealed class ApiRateLimitMiddleware(RequestDelegate next, ApiRateCounter counter, TimeProvider clock, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiRateLimitScope>() is not { } scope)
        {
            await next(context);
            return;
        }
        var now = clock.GetUtcNow();
        var caller = context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
        var limit = ApiRateLimits.RequestsPerMinute(options.Value, scope.Name);
        if (await counter.TryTakeAsync(caller, scope.Name, ApiRateCounter.MinuteOf(now), limit, context.RequestAborted))
        {
            await next(context);
            return;
        }
        var seconds = Math.Max(1, 60 - (int)(now.ToUnixTimeSeconds() % 60));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await ApiErrors.Problem(StatusCodes.Status429TooManyRequests, localizer, "Api.RateLimited", limit, seconds).ExecuteAsync(context);
    }
}
