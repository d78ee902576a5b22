using System.Threading.RateLimiting;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Each API key has its own allowance per kind of call (scope): eligibility checks come with every publish and are
/// cheap, submissions are rarer and carry up to 1,000 items. A key over its allowance is answered 429 with
/// <c>Retry-After</c> and problem details.
/// </summary>
public static class ApiRateLimits
{
    public const string Submit = "api-submit";
    public const string Eligibility = "api-eligibility";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Submit, context => PerKey(context, RequestsPerMinute(context, Submit)));
        options.AddPolicy(Eligibility, context => PerKey(context, RequestsPerMinute(context, Eligibility)));
        options.OnRejected = RejectAsync;
    });

    private static int RequestsPerMinute(HttpContext context, string policy)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        return policy == Submit ? limits.SubmitRequestsPerMinute : limits.EligibilityRequestsPerMinute;
    }

    /// <summary>
    /// A token bucket per key: a full minute's allowance may be spent at once (publishing comes in bursts) and it
    /// refills steadily, so a rejected caller is told to wait seconds, not until some window ends.
    /// </summary>
    private static RateLimitPartition<string> PerKey(HttpContext context, int requestsPerMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = requestsPerMinute,
                TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(requestsPerMinute / 60.0)),
                ReplenishmentPeriod = requestsPerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / requestsPerMinute,
                QueueLimit = 0,
            });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? Eligibility;
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await ApiErrors.Problem(StatusCodes.Status429TooManyRequests, localizer, "Api.RateLimited", RequestsPerMinute(context, policy), seconds)
            .ExecuteAsync(context);
    }
}
