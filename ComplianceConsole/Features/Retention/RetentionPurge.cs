using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Retention;

/// <summary>One kind's rule as applied at a moment, and how many of its rows have expired (a dry run) or went (a run).</summary>
public sealed record RetentionKindCount(RetentionKind Kind, int Days, DateTime CutoffUtc, long Count);

public sealed record RetentionReport(DateTime AsOfUtc, IReadOnlyList<RetentionKindCount> Kinds)
{
    public long Total => Kinds.Sum(k => k.Count);

    public long CountOf(RetentionKind kind) => Kinds.Single(k => k.Kind == kind).Count;
}

/// <summary>
/// Applies the retention rules: a dry run counts what has expired; a run removes it kind by kind, a batch per transaction,
/// and writes one audit event with the counts. Both select through the same <see cref="IRetentionTarget.Select"/>.
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<AppDbContext> contextFactory, IEnumerable<IRetentionTarget> targets, PermissionGuard guard,
    AuditTrail audit, AuditChain chain, AuditCheckpoints checkpoints, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    /// <summary>What a run now would remove, per kind; for anyone who reads the registry.</summary>
    public async Task<RetentionReport> DryRunAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        var now = clock.GetUtcNow().UtcDateTime;
        var kinds = new List<RetentionKindCount>();
        foreach (var (target, rule) in await PlanAsync(cancellationToken))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var cutoff = now.AddDays(-rule.Days);
            kinds.Add(new(target.Kind, rule.Days, cutoff, await target.Select(db, cutoff).LongCountAsync(cancellationToken)));
        }
        return new(now, kinds);
    }

    /// <summary>
    /// Removes what has expired, as <paramref name="actor"/> (the system on schedule, a Manager who ran it by hand), reporting
    /// rows removed so far against the rows that had expired when the run began.
    /// </summary>
    public async Task<RetentionReport> RunAsync(AuditActor actor, Func<long, long, Task>? reportProgress = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var kinds = new List<RetentionKindCount>();
        var plan = await PlanAsync(cancellationToken);
        long done = 0, expected = 0;
        if (reportProgress is not null)
        {
            foreach (var (target, rule) in plan)
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                expected += await target.Select(db, now.AddDays(-rule.Days)).LongCountAsync(cancellationToken);
            }
            await reportProgress(0, expected);
        }
        foreach (var (target, rule) in plan)
        {
            var cutoff = now.AddDays(-rule.Days);
            if (target.Kind == RetentionKind.AuditEvents) await SignPurgeBaseAsync(target, cutoff, cancellationToken);
            long removed = 0, after = long.MinValue;
            while (true)
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                var keys = await target.Select(db, cutoff).Where(key => key > after).OrderBy(key => key).Take(RetentionRules.BatchSize).ToListAsync(cancellationToken);
                if (keys.Count == 0) break;
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    await target.RemoveAsync(db, keys, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                (removed, after, done) = (removed + keys.Count, keys[^1], done + keys.Count);
                if (reportProgress is not null) await reportProgress(done, Math.Max(done, expected));
            }
            kinds.Add(new(target.Kind, rule.Days, cutoff, removed));
        }
        var report = new RetentionReport(now, kinds);
        await audit.RecordAsync(contextFactory, actor, AuditActions.RetentionPurged, details: new
        {
            AsOf = now, Counts = kinds.ToDictionary(k => k.Kind.ToString(), k => k.Count), Days = kinds.ToDictionary(k => k.Kind.ToString(), k => k.Days),
        }, cancellationToken: cancellationToken);
        if (report.Total > 0) logger.LogInformation("Retention purge removed {Total} records: {Counts}.", report.Total, string.Join(", ", kinds.Select(k => $"{k.Kind} {k.Count}")));
        return report;
    }

    private async Task<IReadOnlyList<(IRetentionTarget Target, RetentionRuleRow Rule)>> PlanAsync(CancellationToken cancellationToken)
    {
        // Audit events are counted and removed by the chain: those committed a moment ago and still waiting join it first, so a
        // dry run and the run after it count the same events.
        await chain.ChainWaitingAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = (await RetentionRuleService.LoadAsync(db, cancellationToken)).ToDictionary(r => r.Kind);
        // Audit events last, so the base is signed after everything else this run did (which wrote no events) and just before they go.
        return targets.OrderBy(t => t.Kind == RetentionKind.AuditEvents).ThenBy(t => t.Kind).Select(t => (t, rules[t.Kind])).ToList();
    }

    /// <summary>Signs the newest event that will go as the chain's new base, before any goes, so a run cut short still verifies.</summary>
    private async Task SignPurgeBaseAsync(IRetentionTarget target, DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await target.Select(db, cutoff).MaxAsync(key => (long?)key, cancellationToken) is { } last) await checkpoints.WritePurgeBaseAsync(last, cancellationToken);
    }
}
