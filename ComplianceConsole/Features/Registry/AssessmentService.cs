using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

/// <summary>
/// Security assessments (Art. 15, 20) and the launches that stand on them: a function goes live only on an assessment
/// that passed, and a failed assessment names its findings.
/// </summary>
public sealed class AssessmentService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public async Task<PagedResult<AssessmentRow>> GetPageAsync(AssessmentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assessments.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.SubjectKind is { } kind) query = query.Where(a => a.SubjectKind == kind);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(a => new AssessmentRow(a.Id, a.Subject, a.SubjectKind, a.Kind, a.Status, a.DueDate, a.Findings, a.Remediation, a.Reviewer,
                a.CompletedAtUtc, a.UpdatedAtUtc, a.UpdatedByName, db.EvidenceFiles.Count(f => f.Owner == EvidenceOwner.Assessment && f.OwnerId == a.Id), a.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<AssessmentRow>(rows, total);
    }

    /// <summary>The assessments a launch may name, those that passed first; naming one that did not is refused when the launch is recorded.</summary>
    public async Task<IReadOnlyList<AssessmentRow>> LaunchChoicesAsync(CancellationToken cancellationToken = default) =>
        (await GetPageAsync(new AssessmentFilter(), 0, 200, cancellationToken)).Items
            .OrderByDescending(a => a.Status == AssessmentStatus.Passed).ThenByDescending(a => a.CompletedAtUtc).ToList();

    public async Task<AssessmentForm?> GetFormAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => new AssessmentForm
        {
            Id = a.Id, Subject = a.Subject, SubjectKind = a.SubjectKind, Kind = a.Kind, Status = a.Status, DueDate = a.DueDate,
            Findings = a.Findings, Remediation = a.Remediation, Reviewer = a.Reviewer, Version = a.Version,
        }).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds an assessment (no id) or changes one; passing or failing it stamps when it was completed.</summary>
    public async Task<Result<long>> SaveAsync(AssessmentForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        var errors = Validate(form);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Assessment assessment;
        object? before = null;
        if (form.Id is { } id)
        {
            var found = await db.Assessments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (found is null || found.Version != form.Version) return Result.Conflict;
            assessment = found;
            before = Snapshot(assessment);
        }
        else
        {
            assessment = new Assessment();
            db.Assessments.Add(assessment);
        }
        var completed = form.Status is AssessmentStatus.Passed or AssessmentStatus.Failed;
        if (completed && assessment.Status != form.Status) assessment.CompletedAtUtc = now;
        if (!completed) assessment.CompletedAtUtc = null;
        (assessment.Subject, assessment.SubjectKind, assessment.Kind, assessment.Status, assessment.DueDate) =
            (form.Subject.Trim(), form.SubjectKind, form.Kind, form.Status, form.DueDate!.Value);
        (assessment.Findings, assessment.Remediation, assessment.Reviewer) = (Optional(form.Findings), Optional(form.Remediation), Optional(form.Reviewer));
        (assessment.UpdatedAtUtc, assessment.UpdatedByName) = (now, actor.ShownName);
        assessment.Version++;
        try
        {
            await RegistryWrites.SaveNewWithAuditAsync(db, audit, actor, AuditActions.AssessmentSaved, "Assessment", () => assessment.Id,
                () => new { before, after = Snapshot(assessment) }, cancellationToken);
            return Result<long>.Ok(assessment.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
    }

    public async Task<PagedResult<LaunchRow>> GetLaunchesAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.FunctionLaunches.CountAsync(cancellationToken);
        var rows = await db.FunctionLaunches.AsNoTracking().OrderByDescending(l => l.LaunchDate).ThenByDescending(l => l.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Join(db.Assessments, l => l.AssessmentId, a => a.Id, (l, a) => new LaunchRow(l.Id, l.Name, l.Description, a.Id, a.Subject, a.Status,
                l.LaunchDate, l.RecordedAtUtc, l.RecordedByName))
            .ToListAsync(cancellationToken);
        return new PagedResult<LaunchRow>(rows, total);
    }

    /// <summary>Records a launch; refused (and nothing written) unless its assessment passed (Art. 20).</summary>
    public async Task<Result> RecordLaunchAsync(LaunchForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        var errors = new List<FieldError>();
        RegistryWrites.RequireText(errors, nameof(form.Name), form.Name, RegistryRules.MaxNameLength);
        RegistryWrites.OptionalText(errors, nameof(form.Description), form.Description, RegistryRules.MaxTextLength);
        if (form.AssessmentId is null) errors.Add(new(nameof(form.AssessmentId), "Registry.Launch.AssessmentRequired"));
        if (form.LaunchDate is null) errors.Add(new(nameof(form.LaunchDate), "Validation.Required"));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Where(a => a.Id == form.AssessmentId).Select(a => new { a.Status, a.CompletedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (assessment?.Status != AssessmentStatus.Passed) return Result.Refused("Registry.Launch.AssessmentNotPassed");
        var launch = new FunctionLaunch
        {
            Name = form.Name.Trim(), Description = Optional(form.Description), AssessmentId = form.AssessmentId!.Value, LaunchDate = form.LaunchDate!.Value,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByName = actor.ShownName,
        };
        db.FunctionLaunches.Add(launch);
        await RegistryWrites.SaveNewWithAuditAsync(db, audit, actor, AuditActions.LaunchRecorded, "FunctionLaunch", () => launch.Id,
            () => new { launch.Name, launch.AssessmentId, launch.LaunchDate }, cancellationToken);
        return Result.Ok;
    }

    private static List<FieldError> Validate(AssessmentForm form)
    {
        var errors = new List<FieldError>();
        RegistryWrites.RequireText(errors, nameof(form.Subject), form.Subject, RegistryRules.MaxNameLength);
        RegistryWrites.OptionalText(errors, nameof(form.Findings), form.Findings, RegistryRules.MaxTextLength);
        RegistryWrites.OptionalText(errors, nameof(form.Remediation), form.Remediation, RegistryRules.MaxTextLength);
        RegistryWrites.OptionalText(errors, nameof(form.Reviewer), form.Reviewer, RegistryRules.MaxNameLength);
        if (form.DueDate is null) errors.Add(new(nameof(form.DueDate), "Validation.Required"));
        if (!Enum.IsDefined(form.SubjectKind)) errors.Add(new(nameof(form.SubjectKind), "Validation.Required"));
        if (!Enum.IsDefined(form.Kind)) errors.Add(new(nameof(form.Kind), "Validation.Required"));
        if (!Enum.IsDefined(form.Status)) errors.Add(new(nameof(form.Status), "Validation.Required"));
        // A failed assessment without findings says nothing a regulator could check.
        if (form.Status == AssessmentStatus.Failed && string.IsNullOrWhiteSpace(form.Findings)) errors.Add(new(nameof(form.Findings), "Registry.Assessment.FindingsRequired"));
        if (form.Status is AssessmentStatus.Passed or AssessmentStatus.Failed && string.IsNullOrWhiteSpace(form.Reviewer))
            errors.Add(new(nameof(form.Reviewer), "Registry.Assessment.ReviewerRequired"));
        return errors;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object Snapshot(Assessment a) => new { a.Subject, a.SubjectKind, a.Kind, a.Status, a.DueDate, a.Findings, a.Remediation, a.Reviewer };
}
