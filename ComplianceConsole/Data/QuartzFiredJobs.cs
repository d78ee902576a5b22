using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>
/// The jobs of a group Quartz still answers for: those it is running on any instance (a fired-trigger row, which lives until the
/// job ends or its instance is found dead) and those it will run again because their instance died mid-run (a trigger in
/// Quartz's recovery group, written in the same transaction that removes the dead instance's fired-trigger row).
/// </summary>
internal static class QuartzFiredJobs
{
    /// <summary>
    /// The job names Quartz answers for. <paramref name="onlyRecoverableFired"/>: a fired-trigger row counts only if its job asks
    /// for recovery — at start-up of the one SQLite instance every fired row is a dead run's, and Quartz re-runs just those.
    /// </summary>
    public static async Task<HashSet<string>> NamesAsync(AppDbContext db, string jobGroup, bool onlyRecoverableFired, CancellationToken cancellationToken)
    {
        var fired = await db.Database.SqlQuery<string>($"""
            SELECT job_name AS "Value" FROM qrtz_fired_triggers
            WHERE job_group = {jobGroup} AND job_name IS NOT NULL AND (requests_recovery OR {!onlyRecoverableFired})
            """).ToListAsync(cancellationToken);
        var recovering = await db.Database.SqlQuery<string>($"""
            SELECT job_name AS "Value" FROM qrtz_triggers WHERE job_group = {jobGroup} AND trigger_group = {Quartz.SchedulerConstants.DefaultRecoveryGroup}
            """).ToListAsync(cancellationToken);
        return [.. fired, .. recovering];
    }

    /// <summary>The job names of a group that have a trigger (waiting, firing or recovering) or are running: those Quartz knows of.</summary>
    public static async Task<HashSet<string>> ScheduledNamesAsync(AppDbContext db, string jobGroup, CancellationToken cancellationToken)
    {
        var names = await db.Database.SqlQuery<string>($"""
            SELECT job_name AS "Value" FROM qrtz_triggers WHERE job_group = {jobGroup}
            UNION SELECT job_name FROM qrtz_fired_triggers WHERE job_group = {jobGroup} AND job_name IS NOT NULL
            """).ToListAsync(cancellationToken);
        return [.. names];
    }
}
