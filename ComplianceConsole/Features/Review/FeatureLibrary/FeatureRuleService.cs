using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// A Manager keeps the feature library: lists, adds, edits, disables and enables rules. Every write stamps the rule's
/// update time from the clock, which is what makes <see cref="FeatureLibrary"/> rebuild for the next item ingested.
/// </summary>
public sealed class FeatureRuleService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public const int MaxSearchLength = 100;

    /// <summary>
    /// A page of rules, newest change first. The library holds some ten thousand short rows, so a text search reads
    /// them all at worst (a few milliseconds); kind and the order are served by their indexes.
    /// </summary>
    public async Task<PagedResult<FeatureRuleRow>> GetPageAsync(FeatureRuleFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.FeatureRules.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(r => r.Kind == kind);
        if (filter.Enabled is { } enabled) query = query.Where(r => r.Enabled == enabled);
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            search = search[..Math.Min(search.Length, MaxSearchLength)];
            var normalised = FeatureMatcher.Normalise(search);
            query = query.Where(r => r.Value.Contains(search) || r.Value.Contains(normalised));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.UpdatedAtUtc).ThenByDescending(r => r.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(r => new FeatureRuleRow(r.Id, r.Kind, r.Value, r.ReasonCode, r.Note, r.Enabled, r.UpdatedAtUtc, r.UpdatedByName, r.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<FeatureRuleRow>(rows, total);
    }

    public async Task<FeatureRuleForm?> GetFormAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.FeatureRules.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new FeatureRuleForm { Id = r.Id, Kind = r.Kind, Value = r.Value, ReasonCode = r.ReasonCode, Note = r.Note, Version = r.Version })
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds a rule (no id) or changes one; a rule changed by someone else since the form was read is a conflict.</summary>
    public async Task<Result> SaveAsync(FeatureRuleForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Configure);
        var value = FeatureRuleRules.StoredValue(form.Kind, form.Value);
        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        var errors = FeatureRuleRules.Validate(form.Kind, value, form.ReasonCode, note);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.FeatureRules.AnyAsync(r => r.Kind == form.Kind && r.Value == value && r.Id != form.Id, cancellationToken)) return Duplicate;
        var now = clock.GetUtcNow().UtcDateTime;
        FeatureRule rule;
        object? before = null;
        if (form.Id is { } id)
        {
            var found = await db.FeatureRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (found is null || found.Version != form.Version) return Result.Conflict;
            rule = found;
            before = Snapshot(rule);
        }
        else
        {
            rule = new FeatureRule { CreatedAtUtc = now, CreatedByName = actor.ShownName };
            db.FeatureRules.Add(rule);
        }
        (rule.Kind, rule.Value, rule.ReasonCode, rule.Note) = (form.Kind, value, form.ReasonCode, note);
        Stamp(rule, actor.ShownName, now);
        return await SaveWithAuditAsync(db, actor, rule, before, cancellationToken);
    }

    /// <summary>Takes a rule out of the library or puts it back, without losing what it was.</summary>
    public async Task<Result> SetEnabledAsync(long id, int version, bool enabled, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.FeatureRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null || rule.Version != version) return Result.Conflict;
        var before = Snapshot(rule);
        rule.Enabled = enabled;
        Stamp(rule, actor.ShownName, clock.GetUtcNow().UtcDateTime);
        return await SaveWithAuditAsync(db, actor, rule, before, cancellationToken);
    }

    private static void Stamp(FeatureRule rule, string by, DateTime now)
    {
        rule.UpdatedAtUtc = now;
        rule.UpdatedByName = by;
        rule.Version++;
    }

    // The rule is saved first inside the transaction, so the audit event names a new rule by its id.
    private async Task<Result> SaveWithAuditAsync(AppDbContext db, AuditActor actor, FeatureRule rule, object? before, CancellationToken cancellationToken)
    {
        try
        {
            await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.FeatureRuleSaved, "FeatureRule", rule.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { before, after = Snapshot(rule) }, cancellationToken);
            await appender.CommitAsync(cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another Manager (or an import) added the same rule after the check above.
            return Duplicate;
        }
    }

    private static readonly Result Duplicate = Result.Invalid([new(nameof(FeatureRuleForm.Value), "FeatureRule.Duplicate")]);

    private static object Snapshot(FeatureRule r) => new { r.Kind, r.Value, r.ReasonCode, r.Note, r.Enabled };
}
