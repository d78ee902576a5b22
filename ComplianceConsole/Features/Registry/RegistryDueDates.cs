using ComplianceConsole.Data;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

public enum DueItemKind { Assessment, ConsentExpiry }

/// <summary>Something in the registry that falls due: an assessment not yet completed, or a consent about to lapse.</summary>
public sealed record DueItem(DueItemKind Kind, long Id, string Title, DateOnly DueDate, int DaysLeft)
{
    public bool Overdue => DaysLeft < 0;
}

/// <summary>What falls due within <see cref="RegistryRules.DueSoonDays"/> days (in China Standard Time) and what is overdue, soonest first.</summary>
public sealed class RegistryDueDates(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, TimeProvider clock)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<DueItem>> GetAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, clock.GetUtcNow().UtcDateTime, asRecordedThen: false, cancellationToken);
    }

    /// <summary>
    /// What falls due as seen at <paramref name="nowUtc"/>: the page asks for now, from the tables; the registry export for the end of
    /// its period <paramref name="asRecordedThen"/> — assessments as their saves left them then, consents recorded and not withdrawn by then.
    /// </summary>
    internal static async Task<IReadOnlyList<DueItem>> ListAsync(AppDbContext db, DateTime nowUtc, bool asRecordedThen, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(nowUtc));
        var horizon = today.AddDays(RegistryRules.DueSoonDays);
        // A consent ends at an instant (a chosen last day ends at the next midnight); its last valid day is the day of the second before.
        var consentHorizonUtc = ChinaTime.ToUtc(horizon.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddSeconds(1);
        var assessments = asRecordedThen
            ? (await AssessmentsAsOf.ReadAsync(db, null, nowUtc, cancellationToken)).Values
                .Where(a => a.IsOpen && a.DueDate <= horizon).Select(a => (a.Id, a.Subject, DueDate: a.DueDate!.Value)).ToList()
            : (await db.Assessments.AsNoTracking()
                .Where(a => (a.Status == AssessmentStatus.Planned || a.Status == AssessmentStatus.InProgress) && a.DueDate <= horizon)
                .OrderBy(a => a.DueDate).Take(MaxItems).Select(a => new { a.Id, a.Subject, a.DueDate }).ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.Subject, a.DueDate)).ToList();
        var consents = await db.BiometricConsents.AsNoTracking()
            .Where(c => c.RecordedAtUtc < nowUtc && (c.WithdrawnAtUtc == null || c.WithdrawnAtUtc > nowUtc)
                && c.ValidUntilUtc != null && c.ValidUntilUtc > nowUtc && c.ValidUntilUtc < consentHorizonUtc)
            .OrderBy(c => c.ValidUntilUtc).Take(MaxItems).Select(c => new { c.Id, c.ExternalId, c.ValidUntilUtc }).ToListAsync(cancellationToken);
        return assessments.Select(a => new DueItem(DueItemKind.Assessment, a.Id, a.Subject, a.DueDate, a.DueDate.DayNumber - today.DayNumber))
            .Concat(consents.Select(c =>
            {
                var lastDay = DateOnly.FromDateTime(ChinaTime.FromUtc(ConsentValidity.LastValidMoment(c.ValidUntilUtc)!.Value));
                return new DueItem(DueItemKind.ConsentExpiry, c.Id, c.ExternalId, lastDay, lastDay.DayNumber - today.DayNumber);
            }))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Kind).Take(MaxItems).ToList();
    }
}
