using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// Runs one queued <see cref="JobRecord"/> on the job host: checks again that the person who asked may still do it,
/// runs its handler as them in a scope of its own, and records how it ended.
/// </summary>
public sealed class JobExecutor(
    IServiceScopeFactory scopeFactory, IDbContextFactory<AppDbContext> contextFactory, IEnumerable<JobKind> kinds,
    PiiProtector protector, JobStorage storage, ILiveNotifier notifier, JobRetention retention, TimeProvider clock,
    DatabaseWriteGate writers, ILogger<JobExecutor> logger)
{
    /// <summary>Runs the job if it is Queued or, when Quartz <paramref name="recovering"/> runs it again after its instance died, still Running.</summary>
    public async Task RunAsync(long jobId, bool recovering, CancellationToken hostStopping)
    {
        var job = await StartAsync(jobId, recovering);
        if (job is null) return;
        try
        {
            await RunStartedAsync(job, hostStopping);
        }
        catch (Exception) when (hostStopping.IsCancellationRequested)
        {
            await EndAsync(job, JobStatus.Interrupted, null, JobMessage.Of("Jobs.Failure.Stopped"));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} ({Kind}) failed.", job.Id, job.Kind);
            await EndAsync(job, JobStatus.Failed, null, JobMessage.Of("Jobs.Failure.Unexpected"));
        }
    }

    private async Task RunStartedAsync(JobRecord job, CancellationToken hostStopping)
    {
        var kind = kinds.SingleOrDefault(k => k.Name == job.Kind);
        if (kind is null)
        {
            await EndAsync(job, JobStatus.Failed, null, JobMessage.Of("Jobs.Failure.UnknownKind", job.Kind));
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var (refusal, culture) = await ActAsRequesterAsync(scope.ServiceProvider, job, kind.Permission);
        if (refusal is not null)
        {
            await EndAsync(job, JobStatus.Failed, null, refusal);
            return;
        }
        // What the job writes for people (an error report's reasons) is in the language its requester chose.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var requester = new AuditActor(job.RequestedById, job.RequestedByName, job.RequestedFromIp);
        using var context = new JobContext(job.Id, job.RequestedById, requester, contextFactory, writers, notifier, storage, hostStopping);
        try
        {
            var result = await kind.RunAsync(scope.ServiceProvider, protector.Decrypt(job.Input), context, context.Cancellation);
            await EndAsync(job, context.CancelledByPerson ? JobStatus.Cancelled : hostStopping.IsCancellationRequested ? JobStatus.Interrupted : JobStatus.Succeeded, result, null,
                context.UnwrittenDone);
        }
        catch (PermissionDeniedException denied)
        {
            await EndAsync(job, JobStatus.Failed, null, JobMessage.Of("Jobs.Failure.PermissionLost", denied.Permission), context.UnwrittenDone);
        }
        catch (OperationCanceledException) when (context.CancelledByPerson)
        {
            await EndAsync(job, JobStatus.Cancelled, null, null, context.UnwrittenDone);
        }
    }

    /// <summary>
    /// Marks the job Running, unless it is no longer Queued (cancelled meanwhile, or already run) or, recovering, no longer
    /// Running (it ended, or was marked Interrupted). A recovered run starts over; the kind's idempotence keeps it from doing anything twice.
    /// </summary>
    private async Task<JobRecord?> StartAsync(long jobId, bool recovering)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var started = await db.JobRecords.Where(j => j.Id == jobId && (j.Status == JobStatus.Queued || (recovering && j.Status == JobStatus.Running)))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAtUtc, now));
        if (started == 0) return null;
        var job = await db.JobRecords.AsNoTracking().SingleAsync(j => j.Id == jobId);
        notifier.Publish(new JobChanged(job.Id, job.RequestedById, JobStatus.Running));
        return job;
    }

    /// <summary>
    /// The person is read afresh: an account disabled, removed or stripped of the permission since the job was
    /// queued makes it fail with that reason. Otherwise the scope's <see cref="CurrentUser"/> becomes them.
    /// </summary>
    private static async Task<(JobMessage? Refusal, string Culture)> ActAsRequesterAsync(IServiceProvider services, JobRecord job, string permission)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = job.RequestedById is null ? null : await users.FindByIdAsync(job.RequestedById);
        if (user is null || user.IsDisabled) return (JobMessage.Of("Jobs.Failure.AccountDisabled", job.RequestedByName), Cultures.Default);

        ClaimsPrincipal principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        if (!(await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, permission)).Succeeded)
        {
            return (JobMessage.Of("Jobs.Failure.PermissionLost", permission), Cultures.Default);
        }
        services.GetRequiredService<CurrentUser>().ActForJobRequester(principal, job.RequestedFromIp);
        return (null, Cultures.IsSupported(user.PreferredCulture) ? user.PreferredCulture! : Cultures.Default);
    }

    private async Task EndAsync(JobRecord job, JobStatus status, JobResult? result, JobMessage? failure, int? done = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? filesExpire = result?.Files.Count > 0 ? retention.FilesExpireAt(now) : null;
        var resultJson = result is null ? null : JsonSerializer.Serialize(result);
        var failureJson = failure is null ? null : JsonSerializer.Serialize(failure);
        await using var db = await contextFactory.CreateDbContextAsync();
        await db.JobRecords.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.EndedAtUtc, now)
            .SetProperty(j => j.ResultJson, resultJson)
            .SetProperty(j => j.FailureJson, failureJson)
            .SetProperty(j => j.FilesExpireAtUtc, filesExpire)
            .SetProperty(j => j.Done, j => done ?? j.Done));
        // An interrupted job keeps its input so it can be run again; any other end makes the input useless.
        if (status != JobStatus.Interrupted) storage.DeleteInput(job.Id);
        notifier.Publish(new JobChanged(job.Id, job.RequestedById, status));
    }
}
