using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Registry;

/// <summary>
/// Algorithm filings (Art. 19), kept with every change. The provider settings' filing numbers, which every export's
/// cover prints, are the active filings' numbers: each save here writes them in the same transaction.
/// </summary>
public sealed class FilingService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    /// <summary>A provider holds a handful of filings, so they are listed whole.</summary>
    public async Task<IReadOnlyList<FilingRow>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlgorithmFilings.AsNoTracking().OrderBy(f => f.Status).ThenByDescending(f => f.FiledOn).ThenBy(f => f.Id)
            .Select(f => new FilingRow(f.Id, f.FilingNumber, f.AlgorithmName, f.Role, f.FiledOn, f.Status, f.DisplayedAt, f.UpdatedAtUtc, f.UpdatedByName, f.Version))
            .Take(500).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FilingChangeRow>> GetHistoryAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(RegistryPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlgorithmFilingChanges.AsNoTracking().Where(c => c.AlgorithmFilingId == id).OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id)
            .Select(c => new FilingChangeRow(c.AtUtc, c.ByName, c.FilingNumber, c.AlgorithmName, c.Status, c.DisplayedAt))
            .Take(200).ToListAsync(cancellationToken);
    }

    public async Task<Result<long>> SaveAsync(FilingForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(RegistryPermissions.Manage);
        var number = FilingNumbers.Normalize(form.FilingNumber);
        var errors = new List<FieldError>();
        if (FilingNumbers.Validate(number) is { } numberError) errors.Add(new(nameof(form.FilingNumber), numberError));
        RegistryWrites.RequireText(errors, nameof(form.AlgorithmName), form.AlgorithmName, RegistryRules.MaxNameLength);
        RegistryWrites.RequireText(errors, nameof(form.DisplayedAt), form.DisplayedAt, RegistryRules.MaxNameLength);
        if (form.FiledOn is null) errors.Add(new(nameof(form.FiledOn), "Validation.Required"));
        if (!Enum.IsDefined(form.Role) || !Enum.IsDefined(form.Status)) errors.Add(new(nameof(form.Status), "Validation.Required"));
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.AlgorithmFilings.AnyAsync(f => f.FilingNumber == number && f.Id != form.Id, cancellationToken))
            return Result.Invalid([new(nameof(form.FilingNumber), "Registry.Filing.Repeated", number)]);
        var now = clock.GetUtcNow().UtcDateTime;
        AlgorithmFiling filing;
        if (form.Id is { } id)
        {
            var found = await db.AlgorithmFilings.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (found is null || found.Version != form.Version) return Result.Conflict;
            filing = found;
        }
        else
        {
            filing = new AlgorithmFiling();
            db.AlgorithmFilings.Add(filing);
        }
        (filing.FilingNumber, filing.AlgorithmName, filing.Role, filing.FiledOn, filing.Status, filing.DisplayedAt) =
            (number, form.AlgorithmName.Trim(), form.Role, form.FiledOn!.Value, form.Status, form.DisplayedAt.Trim());
        (filing.UpdatedAtUtc, filing.UpdatedByName) = (now, actor.ShownName);
        filing.Version++;
        try
        {
            await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.AlgorithmFilingChanges.Add(new AlgorithmFilingChange
            {
                AlgorithmFilingId = filing.Id, AtUtc = now, ByName = actor.ShownName, FilingNumber = filing.FilingNumber, AlgorithmName = filing.AlgorithmName,
                Status = filing.Status, DisplayedAt = filing.DisplayedAt,
            });
            await SyncSettingsAsync(db, cancellationToken);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.FilingSaved, "AlgorithmFiling", filing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { filing.FilingNumber, filing.AlgorithmName, filing.Role, filing.FiledOn, filing.Status, filing.DisplayedAt }, cancellationToken);
            await appender.CommitAsync(cancellationToken);
            return Result<long>.Ok(filing.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
    }

    /// <summary>The settings' numbers become the active filings' numbers, oldest filing first.</summary>
    private static async Task SyncSettingsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var active = await db.AlgorithmFilings.Where(f => f.Status == FilingStatus.Active).OrderBy(f => f.FiledOn).ThenBy(f => f.Id)
            .Select(f => f.FilingNumber).ToListAsync(cancellationToken);
        var settings = await db.ProviderSettings.SingleAsync(cancellationToken);
        settings.AlgorithmFilingNumbers = active;
        settings.Version++;
    }
}
