using System.Text.Json.Serialization;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Jobs;
using Microsoft.AspNetCore.Authentication;

namespace ComplianceConsole.Features.Api;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services, AuthenticationBuilder authentication)
    {
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyCache>();
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
                document.Info.Description = "Real-name verification (Art. 9) and content review (Art. 10-12, 16-18) for the provider's platform. Authenticate with the X-Api-Key header.";
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(ApiEnumDocs.TransformAsync);
        });
        AnswerContentTypesAfterTheKey(services);
        services.AddSingleton<ApiRateCounter>();
        services.AddRecurringJob<ApiRateWindowCleanupJob>("api-rate-windows", TimeSpan.FromHours(1));
        return services;
    }

    /// <summary>
    /// The endpoints' <c>Accepts</c> metadata describes their bodies in the OpenAPI document, and routing would also act on it:
    /// a request of another content type was answered a bare 415, before the API key was asked for, telling an anonymous caller
    /// which endpoints exist and a careless one nothing. The endpoints read their bodies themselves (<see cref="ApiJsonBody"/>,
    /// <see cref="ContentFileUpload"/>), after authentication, and answer 415 as problem details in the caller's language.
    /// </summary>
    private static void AnswerContentTypesAfterTheKey(IServiceCollection services)
    {
        foreach (var policy in services.Where(d => d.ServiceType == typeof(Microsoft.AspNetCore.Routing.MatcherPolicy)
                     && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
        {
            services.Remove(policy);
        }
    }
}
