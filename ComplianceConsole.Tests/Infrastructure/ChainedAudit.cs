using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Infrastructure;

public static class ChainedAudit
{
    /// <summary>
    /// Chains the events committed and still waiting, as the audit page, exports and verification do before they read: on PostgreSQL
    /// events are chained just after their writer returns.
    /// </summary>
    public static Task ChainAuditAsync(this IServiceProvider services) =>
        services.GetRequiredService<AuditChain>().ChainWaitingAsync(TestContext.Current.CancellationToken);

    /// <summary>A context to read what the app wrote, its audit events included (chained first).</summary>
    public static async Task<AppDbContext> ReadContextAsync(this IServiceProvider services)
    {
        await services.ChainAuditAsync();
        return await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
    }
}
