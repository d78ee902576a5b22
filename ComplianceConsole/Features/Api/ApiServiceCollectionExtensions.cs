using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ComplianceConsole.Features.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace ComplianceConsole.Features.Api;

public static class ApiServiceCollectionExtensions
{
    public const string RequestsPerMinuteKey = "ComplianceConsole:Api:RequestsPerMinute";

    public static IServiceCollection AddPlatformApi(this IServiceCollection services, AuthenticationBuilder authentication, IConfiguration configuration)
    {
        // Requests one key may make in a minute before it is answered 429.
        var requestsPerMinute = configuration.GetValue(RequestsPerMinuteKey, 600);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddScoped<ApiKeyService>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.MaxRequestBytes > 0 && o.SubmitRequestsPerMinute > 0 && o.EligibilityRequestsPerMinute > 0, "API limits must be positive.")
            .ValidateOnStart();
        services.AddScoped<ApiJsonBody>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.GroupName == "v1";
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ComplianceConsole platform API";
                document.Info.Description = "Real-name verification (Art. 9) for the provider's platform. Authenticate with the X-Api-Key header.";
                return Task.CompletedTask;
            });
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(VerificationApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = requestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = (context, _) =>
                new ValueTask(Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    detail: $"At most {requestsPerMinute} requests a minute per API key.").ExecuteAsync(context.HttpContext));
        });
        return services;
    }
}
