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
        return await ListAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>What falls due as seen at <paramref name="nowUtc"/> (the page: now; the registry export: the end of its period).</summary>
    internal static async Task<IReadOnlyList<DueItem>> ListAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(nowUtc));
        var horizon = today.AddDays(RegistryRules.DueSoonDays);
        // A consent lapses at an instant; its last valid day is the CST date of that instant.
        var consentHorizonUtc = ChinaTime.ToUtc(horizon.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => (a.Status == AssessmentStatus.Planned || a.Status == AssessmentStatus.InProgress) && a.DueDate <= horizon)
            .OrderBy(a => a.DueDate).Take(MaxItems).Select(a => new { a.Id, a.Subject, a.DueDate }).ToListAsync(cancellationToken);
        var consents = await db.BiometricConsents.AsNoTracking()
            .Where(c => c.WithdrawnAtUtc == null && c.ValidUntilUtc != null && c.ValidUntilUtc > nowUtc && c.ValidUntilUtc < consentHorizonUtc)
            .OrderBy(c => c.ValidUntilUtc).Take(MaxItems).Select(c => new { c.Id, c.ExternalId, c.ValidUntilUtc }).ToListAsync(cancellationToken);
        return assessments.Select(a => new DueItem(DueItemKind.Assessment, a.Id, a.Subject, a.DueDate, a.DueDate.DayNumber - today.DayNumber))
            .Concat(consents.Select(c =>
            {
                var lastDay = DateOnly.FromDateTime(ChinaTime.FromUtc(c.ValidUntilUtc!.Value));
                return new DueItem(DueItemKind.ConsentExpiry, c.Id, c.ExternalId, lastDay, lastDay.DayNumber - today.DayNumber);
            }))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Kind).Take(MaxItems).ToList();
    }
}
