using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ComplianceConsole.Security;

/// <summary>
/// Outside Development the console is reached over https only, usually through a reverse proxy that ends TLS:
/// every cookie is sent with <c>Secure</c>, and an https request (directly, or as the proxy's <c>X-Forwarded-Proto</c>
/// says) is answered with HSTS. <c>ComplianceConsole:RequireHttps</c> overrides the default (the tests, on plain http,
/// turn it off by running as Development). The proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed
/// only from the loopback addresses and the addresses or networks (<c>10.0.0.0/24</c>) in <c>ComplianceConsole:TrustedProxies</c>.
/// </summary>
public static class HttpsRequirement
{
    public const string ConfigurationKey = "ComplianceConsole:RequireHttps";
    public const string TrustedProxiesKey = "ComplianceConsole:TrustedProxies";

    public static bool IsRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(ConfigurationKey) ?? !environment.IsDevelopment();

    public static IHostApplicationBuilder AddHttpsRequirement(this IHostApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in trusted)
            {
                if (proxy.Contains('/')) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        if (IsRequired(builder.Configuration, builder.Environment))
        {
            builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
        }
        return builder;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme, and writes secure cookies.</summary>
    public static WebApplication UseHttpsRequirement(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!IsRequired(app.Configuration, app.Environment)) return app;
        app.UseHsts();
        app.UseCookiePolicy();
        return app;
    }
}
