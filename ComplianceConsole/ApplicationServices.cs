using ComplianceConsole.Components;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Dashboard;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.HashBanks;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Media;
using ComplianceConsole.Features.Settings;
using ComplianceConsole.Features.Setup;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using MudBlazor.Services;

namespace ComplianceConsole;

public static class ApplicationServices
{
    public const int MaxInteractiveMessageBytes = 256 * 1024;

    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Serve wwwroot-assets and package assets from their build locations under 'dotnet run' in any environment;
        // a published app has them in its own wwwroot and no manifest, so this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // Above the 32 KB default, so an absurdly long paste reaches the server and is answered with a length
            // message instead of closing the connection; inputs carry their own maxlength well below this.
            .AddHubOptions(options => options.MaximumReceiveMessageSize = MaxInteractiveMessageBytes);
        // Snackbars (a job that ended) come from the bottom right, clear of the app bar and the page's own buttons.
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        builder.Services.AddTransient<MudBlazor.MudLocalizer, MudComponentLocalizer>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<TimeProvider>(new Data.MicrosecondClock(TimeProvider.System));
        builder.Services.AddLocalization();
        builder.Services.AddOptions<Security.Files.FileLimitsOptions>().BindConfiguration(Security.Files.FileLimitsOptions.Section);
        builder.AddData();
        builder.AddHttpsRequirement();
        var authentication = builder.AddStaffIdentity();
        builder.Services.AddPermissionPolicies();
        builder.Services.AddAudit();
        builder.AddJobs();
        builder.Services.AddSetup();
        builder.Services.AddScoped<ProviderSettingsService>();
        builder.Services.AddScoped<AllowedMediaHostsService>();
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddVerification();
        builder.Services.AddHashBanks();
        builder.Services.AddReview();
        builder.Services.AddDemoData();
        builder.AddWebhooks();
        builder.Services.AddDashboard();
        builder.Services.AddRegistry(builder.Configuration);
        builder.Services.AddRetention();
        builder.Services.AddExports();
        builder.Services.AddPlatformApi(authentication);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>The request pipeline and every endpoint: pages, the API, health and preferences.</summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        app.UseApplicationPipeline();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapApplicationEndpoints();
        return app;
    }

    private static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        app.UseHttpsRequirement();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiErrors();
        // Inside the API's and the pages' error handling, so that a database outage is answered 503 before either makes it a 500.
        app.UseMiddleware<DatabaseUnavailable>();
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(Cultures.Default).AddSupportedCultures([.. Cultures.Supported]).AddSupportedUICultures([.. Cultures.Supported]);
            // Chinese unless the person chose otherwise; the browser's language does not decide. API callers ask with Accept-Language.
            options.RequestCultureProviders = [new ApiRequestCultureProvider(), new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
        });
        app.UseMiddleware<SetupGate>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseApiRateLimits();
        app.UseMiddleware<TwoFactorEnrolmentGate>();
        app.UseAntiforgery();
        app.UseMiddleware<AntiforgeryFailures>();
        app.MapStaticAssets();
        return app;
    }

    private static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.MapAdditionalIdentityEndpoints();
        app.MapPreferenceEndpoints();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapVerificationApi();
        app.MapContentApi();
        app.MapAppealApi();
        app.MapJobEndpoints();
        app.MapEvidenceEndpoints();
        app.MapRegistryApi();
        app.MapAccountClosureApi();
        app.MapExportEndpoints();
        app.MapMediaEndpoints();
        return app;
    }
}
