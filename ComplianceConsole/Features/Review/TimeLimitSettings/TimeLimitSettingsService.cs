using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>A source's time limit as it stands; <see cref="IsDefault"/> until a Manager first sets it.</summary>
public sealed record SourceTimeLimitRow(FlagSource Source, int Amount, TimeLimitUnit Unit, bool IsDefault, DateTime? UpdatedAtUtc, string? UpdatedByName, int Version);

public sealed class SourceTimeLimitForm
{
    public FlagSource Source { get; set; }
    public int Amount { get; set; }
    public TimeLimitUnit Unit { get; set; }

    /// <summary>The version read; 0 for a source still on its default.</summary>
    public int Version { get; set; }
}

/// <summary>
/// A Manager sets the time limit of each flag source (Art. 12's published time limits). Flags keep the due time they
/// were given when received, so a change applies to flags received after it.
/// </summary>
public sealed class TimeLimitSettingsService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SourceTimeLimitRow>> GetAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SourceTimeLimits.AsNoTracking().ToDictionaryAsync(l => l.Source, cancellationToken);
        return Enum.GetValues<FlagSource>().Select(source => stored.TryGetValue(source, out var l)
            ? new SourceTimeLimitRow(source, l.Amount, l.Unit, false, l.UpdatedAtUtc, l.UpdatedByName, l.Version)
            : DefaultRow(source)).ToList();
    }

    /// <summary>The limits and the calendar as ingestion would use them now (what the page's example sentences are computed with).</summary>
    public async Task<TimeLimits> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Configure);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await TimeLimits.LoadAsync(db, cancellationToken);
    }

    public async Task<Result> SaveAsync(SourceTimeLimitForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Configure);
        var errors = Validate(form);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var limit = await db.SourceTimeLimits.SingleOrDefaultAsync(l => l.Source == form.Source, cancellationToken);
        if ((limit?.Version ?? 0) != form.Version) return Result.Conflict;
        var before = limit is null ? ReviewDeadlines.DefaultLimit(form.Source) : (limit.Amount, limit.Unit);
        if (limit is null)
        {
            limit = new SourceTimeLimit { Source = form.Source };
            db.SourceTimeLimits.Add(limit);
        }
        (limit.Amount, limit.Unit) = (form.Amount, form.Unit);
        limit.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        limit.UpdatedByName = actor.ShownName;
        limit.Version++;
        try
        {
            await audit.SaveWithAuditAsync(db, actor, AuditActions.TimeLimitsChanged, "SourceTimeLimit", form.Source.ToString(),
                new { before = new { before.Amount, before.Unit }, after = new { limit.Amount, limit.Unit } }, cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // Another Manager set this source first (a changed version, or the same new row inserted twice).
            return Result.Conflict;
        }
    }

    public static IReadOnlyList<FieldError> Validate(SourceTimeLimitForm form)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(form.Source)) errors.Add(new(nameof(form.Source), "TimeLimits.UnknownSource"));
        if (!Enum.IsDefined(form.Unit)) errors.Add(new(nameof(form.Unit), "TimeLimits.UnknownUnit"));
        else if (form.Amount < 1 || form.Amount > MaxAmount(form.Unit)) errors.Add(new(nameof(form.Amount), $"TimeLimits.OutOfRange.{form.Unit}", MaxAmount(form.Unit)));
        return errors;
    }

    public static int MaxAmount(TimeLimitUnit unit) => unit == TimeLimitUnit.Hours ? ReviewDeadlines.MaxHours : ReviewDeadlines.MaxWorkingDays;

    private static SourceTimeLimitRow DefaultRow(FlagSource source)
    {
        var (amount, unit) = ReviewDeadlines.DefaultLimit(source);
        return new SourceTimeLimitRow(source, amount, unit, true, null, null, 0);
    }
}
