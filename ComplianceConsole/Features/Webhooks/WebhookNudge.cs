using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Quartz;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// Wakes the dispatcher once a save that staged platform events has committed, so the platform hears within moments
/// rather than at the next poll. Only a nudge: the poll delivers the events anyway.
/// </summary>
public sealed class WebhookNudge(ISchedulerFactory schedulers, ILogger<WebhookNudge> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _staged = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.ChangeTracker.Entries<PlatformEvent>().Any(e => e.State == EntityState.Added)) _staged.AddOrUpdate(db, this);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null && _staged.Remove(db)) Nudge();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _staged.Remove(db)) Nudge();
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) _staged.Remove(db);
        return Task.CompletedTask;
    }

    private void Nudge() => _ = Task.Run(async () =>
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            await scheduler.TriggerJob(WebhookDispatchJob.Key);
        }
        catch (Exception e) when (e is SchedulerException or ObjectDisposedException) // the app is stopping
        {
            logger.LogDebug(e, "The webhook dispatcher could not be woken; the next poll delivers instead.");
        }
    });
}
