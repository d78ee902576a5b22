using ComplianceConsole.Data;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace ComplianceConsole.Localization;

/// <summary>
/// Language and theme switches. Plain links, so they work on static pages (sign-in) and interactive ones alike.
/// The language is remembered in a cookie and, for a signed-in person, on their account.
/// </summary>
public static class PreferenceEndpoints
{
    public const string ThemeCookie = "cc-theme";

    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/preferences/culture", async (string culture, string? returnUrl, HttpContext context,
            UserManager<ApplicationUser> userManager) =>
        {
            if (!Cultures.IsSupported(culture)) return Results.BadRequest();
            AppendCultureCookie(context, culture);
            if (context.User.Identity?.IsAuthenticated == true && await userManager.GetUserAsync(context.User) is { } user)
            {
                user.PreferredCulture = culture;
                await userManager.UpdateAsync(user);
            }
            return Results.LocalRedirect(LocalReturnUrl.OrHome(returnUrl));
        }).AllowAnonymous();

        endpoints.MapGet("/preferences/theme", (string mode, string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(ThemeCookie, mode == "dark" ? "dark" : "light", LongLivedCookie());
            return Results.LocalRedirect(LocalReturnUrl.OrHome(returnUrl));
        }).AllowAnonymous();

        return endpoints;
    }

    public static void AppendCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), LongLivedCookie());

    private static CookieOptions LongLivedCookie() => new()
    {
        MaxAge = TimeSpan.FromDays(365),
        IsEssential = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
    };
}
