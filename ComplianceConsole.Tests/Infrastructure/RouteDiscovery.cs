using ComplianceConsole.Features.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>A routed page or endpoint of the running app, with a concrete path for its template.</summary>
public sealed record DiscoveredRoute(string Template, string Path, string Method, bool AllowsAnonymous, IReadOnlyList<string> Policies, bool IsApi, bool IsPage);

/// <summary>
/// Every routed page and endpoint, read from the running app rather than listed by hand, so the checks that use
/// it (the authorisation sweep, the screenshot tour) grow with the routes.
/// </summary>
public static class RouteDiscovery
{
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework", "/_content"];

    /// <param name="concretePath">Turns a template with parameters into a path that can be requested.</param>
    public static List<DiscoveredRoute> Discover(IServiceProvider services, Func<string, string> concretePath) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Template: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(x => !FrameworkPrefixes.Any(p => x.Template.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(x => !System.IO.Path.HasExtension(x.Template) && !x.Template.Contains(":file}")) // static files and their fallback
            .Select(x => new DiscoveredRoute(
                x.Template,
                concretePath(x.Template),
                x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get,
                x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                x.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList(),
                x.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.AuthenticationSchemes == ApiKeyAuthenticationHandler.SchemeName),
                x.Endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null))
            .DistinctBy(r => (r.Path, r.Method))
            .ToList();
}
