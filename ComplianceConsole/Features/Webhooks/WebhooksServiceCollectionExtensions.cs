using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;

namespace ComplianceConsole.Features.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>Signed webhooks: the endpoints' administration, the outbox nudge on every context, and the dispatcher on the job host.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookHealth>();
        services.AddScoped<Dashboard.IDashboardSection, WebhooksDashboardSection>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookNudge>();
        services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<WebhookNudge>()));

        services.AddRecurringJob<WebhookDispatchJob>(WebhookDispatchJob.Key.Name,
            configuration => TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue($"{WebhookOptions.Section}:{nameof(WebhookOptions.PollSeconds)}", new WebhookOptions().PollSeconds))));
        services.AddSingleton<Retention.IRetentionTarget, WebhookDeliveriesTarget>();
        return builder;
    }
}
