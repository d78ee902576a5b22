using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Data;

/// <summary>The jobs Quartz is running right now on any instance: its fired-trigger rows, which live until a job ends (or its instance is found dead).</summary>
internal static class QuartzFiredJobs
{
    public static Task<List<string>> NamesAsync(AppDbContext db, string jobGroup, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<string>($"""SELECT job_name AS "Value" FROM qrtz_fired_triggers WHERE job_group = {jobGroup} AND job_name IS NOT NULL""")
            .ToListAsync(cancellationToken);
}
