using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Localization;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// The API's messages follow the caller's <c>Accept-Language</c> (Chinese unless it asks for English); staff pages
/// keep their own choice, and the browser's language does not decide for them.
/// </summary>
public sealed class ApiRequestCultureProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        !ApiErrors.IsApiRequest(httpContext.Request) ? null
        : await base.DetermineProviderCultureResult(httpContext) ?? new ProviderCultureResult(Cultures.Default);
}
