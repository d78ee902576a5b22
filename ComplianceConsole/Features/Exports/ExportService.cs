using System.Text.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports;

/// <summary>The job input: which export in the history to write.</summary>
public sealed record ExportJobInput(long ExportId);

/// <summary>A queued export: its number in the history and the job that writes it.</summary>
public sealed record ExportQueued(long ExportId, long JobId);

/// <summary>
/// Where the export page (and a schedule, acting for its owner) asks for an export: checked, recorded in the history
/// with its audit event in the same transaction, then queued on the job host. Unmasked exports need
/// <see cref="ExportPermissions.Unmasked"/> and <see cref="PiiPermissions.Reveal"/> and a typed reason.
/// </summary>
public sealed class ExportService(
    IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, JobQueue jobs, ExportEngine engine,
    ExportsOptions options, TimeProvider clock)
{
    public static readonly JobKind<ExportJobInput, ExportJobHandler> JobKind = new("export", ExportPermissions.Create);

    /// <summary>The kinds that can be exported: those with a registered row source.</summary>
    public IReadOnlyList<IExportSource> Sources => engine.Sources;

    public async Task<bool> MayUnmaskAsync()
    {
        foreach (var permission in ExportPermissions.ToUnmask)
        {
            if (!await guard.HasAsync(permission)) return false;
        }
        return true;
    }

    /// <summary>
    /// Queues an export; a schedule's (<paramref name="scheduleId"/>) also moves the schedule on in the same transaction
    /// (<paramref name="claimAsync"/>, given the export's number: false when another runner moved it first, and then nothing is queued,
    /// answered <see cref="Result.Conflict"/>), so a crash neither skips a period nor queues one twice.
    /// </summary>
    public async Task<Result<ExportQueued>> QueueAsync(ExportForm form, long? scheduleId = null, Func<AppDbContext, long, Task<bool>>? claimAsync = null,
        CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ExportPermissions.Create);
        var errors = ExportFormRules.Validate(form, Sources);
        if (errors.Count > 0) return Result.Invalid(errors);
        if (form.Unmasked && !await MayUnmaskAsync()) return Result.Refused("Exports.UnmaskedRefused");

        var export = NewExport(form.Kind!.Value, form, actor, scheduleId);
        var jobOptions = new List<JobOption>
        {
            new("Exports.Kind", $"ExportKind.{export.Kind}", ValueIsKey: true),
            new("Exports.Period", ExportPeriods.DaysText(export.FromUtc, export.ToUtc)),
            new("Exports.Masking", export.Unmasked ? "Exports.Unmasked" : "Exports.Masked", ValueIsKey: true),
        };
        // The history entry and its job in one transaction: a crash never leaves an export that no job will write.
        var jobId = await jobs.EnqueueAsync(JobKind, async db =>
        {
            db.ExportJobs.Add(export);
            await audit.SaveWithAuditAsync(db, actor, export.Unmasked ? AuditActions.ExportRequestedUnmasked : AuditActions.ExportRequested, "Export", null,
                new { export.Kind, From = export.FromUtc, To = export.ToUtc, Filters = form.Filters, export.Unmasked, Reason = export.UnmaskReason, scheduleId },
                cancellationToken);
            return claimAsync is null || await claimAsync(db, export.Id) ? new ExportJobInput(export.Id) : null;
        }, jobOptions, total: 0, cancellationToken);
        if (jobId is null) return Result.Conflict;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.ExportJobs.Where(e => e.Id == export.Id && e.JobRecordId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.JobRecordId, jobId), cancellationToken);
        }
        return Result<ExportQueued>.Ok(new ExportQueued(export.Id, jobId.Value));
    }

    /// <summary>A history entry for one export of <paramref name="kind"/> as the form asks (period, filters, masking), by <paramref name="actor"/> now.</summary>
    internal ExportJob NewExport(ExportKind kind, ExportForm form, AuditActor actor, long? scheduleId) => new()
    {
        Kind = kind,
        FromUtc = ChinaTime.DayStartUtc(form.FromDay)!.Value,
        ToUtc = ChinaTime.DayEndUtc(form.ToDay)!.Value,
        FiltersJson = JsonSerializer.Serialize(new SortedDictionary<string, string>(form.Filters, StringComparer.Ordinal)),
        Unmasked = form.Unmasked,
        UnmaskReason = form.Unmasked ? form.UnmaskReason!.Trim() : null,
        RequestedById = actor.Id ?? "",
        RequestedByName = actor.ShownName,
        RequestedAtUtc = AuditTrail.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
        ScheduleId = scheduleId,
        RowsPerSheet = options.RowsPerSheet,
    };
}
