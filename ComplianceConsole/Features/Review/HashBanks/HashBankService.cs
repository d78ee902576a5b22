using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// A Manager keeps the hash banks: lists, adds, edits, disables and enables banks, and adds or removes their hashes. Every
/// change to a bank, and every removal of a hash, stamps the bank (its time, its editor, its version); <see cref="HashBankLibrary"/>
/// takes each change into its index before the next item is matched.
/// </summary>
public sealed class HashBankService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, TimeProvider clock)
{
    public Task<IReadOnlyList<HashBankRow>> GetBanksAsync(CancellationToken cancellationToken = default) => ReadBanksAsync(onlyId: null, cancellationToken);

    /// <summary>One bank, its hashes counted alone (a bank's page does not count every bank's million).</summary>
    public async Task<HashBankRow?> GetBankAsync(long id, CancellationToken cancellationToken = default) =>
        (await ReadBanksAsync(id, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<HashBankRow>> ReadBanksAsync(long? onlyId, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(HashBankPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<HashBankEntry> entries = db.HashBankEntries;
        IQueryable<HashBank> banks = db.HashBanks.AsNoTracking();
        if (onlyId is { } id)
        {
            entries = entries.Where(e => e.HashBankId == id);
            banks = banks.Where(b => b.Id == id);
        }
        var counts = await entries.GroupBy(e => e.HashBankId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (await banks.OrderBy(b => b.Name).ToListAsync(cancellationToken))
            .Select(b => new HashBankRow(b.Id, b.Name, b.Kind, b.ReasonCode, b.MatchDistance, b.Enabled, b.Note, counts.GetValueOrDefault(b.Id),
                b.UpdatedAtUtc, b.UpdatedByName, b.Version)).ToList();
    }

    /// <summary>Adds a bank (no id) or changes one; a bank changed by someone else since the form was read is a conflict.</summary>
    public async Task<Result> SaveBankAsync(HashBankForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(HashBankPermissions.Manage);
        var name = form.Name?.Trim() ?? "";
        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        var reason = form.Kind == HashBankKind.Block ? form.ReasonCode : null;
        var errors = HashBankValidation.Bank(name, form.Kind, reason, form.MatchDistance, note);
        if (errors.Count > 0) return Result.Invalid(errors);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.HashBanks.AnyAsync(b => b.Name == name && b.Id != form.Id, cancellationToken)) return Duplicate;
        var now = clock.GetUtcNow().UtcDateTime;
        HashBank bank;
        object? before = null;
        if (form.Id is { } id)
        {
            var found = await db.HashBanks.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
            if (found is null || found.Version != form.Version) return Result.Conflict;
            // Flags it raised name it as what it was: a block bank does not become an allow bank, nor the reverse.
            if (found.Kind != form.Kind) return Result.Invalid([new(nameof(HashBankForm.Kind), "HashBank.KindFixed")]);
            bank = found;
            before = Snapshot(bank);
        }
        else
        {
            bank = new HashBank { CreatedAtUtc = now, CreatedByName = actor.ShownName };
            db.HashBanks.Add(bank);
        }
        (bank.Name, bank.Kind, bank.ReasonCode, bank.MatchDistance, bank.Note) = (name, form.Kind, reason, form.MatchDistance, note);
        Stamp(bank, actor.ShownName, now);
        return await SaveWithAuditAsync(db, actor, bank, before, cancellationToken);
    }

    /// <summary>Takes a bank out of matching or puts it back, without losing its hashes.</summary>
    public async Task<Result> SetEnabledAsync(long id, int version, bool enabled, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(HashBankPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var bank = await db.HashBanks.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (bank is null || bank.Version != version) return Result.Conflict;
        var before = Snapshot(bank);
        bank.Enabled = enabled;
        Stamp(bank, actor.ShownName, clock.GetUtcNow().UtcDateTime);
        return await SaveWithAuditAsync(db, actor, bank, before, cancellationToken);
    }

    /// <summary>A page of a bank's hashes, newest first; a search is the start of a hash (hex).</summary>
    public async Task<PagedResult<HashBankEntryRow>> GetEntriesAsync(long bankId, string? hashStart, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(HashBankPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.HashBankEntries.AsNoTracking().Where(e => e.HashBankId == bankId);
        if (hashStart?.Trim().ToLowerInvariant() is { Length: > 0 } start)
        {
            start = start[..Math.Min(start.Length, PdqHash.HexLength)];
            query = query.Where(e => e.Hash.StartsWith(start));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(e => new HashBankEntryRow(e.Id, e.Hash, e.Quality, e.Origin, e.ReviewCaseId, e.Note, e.AddedAtUtc, e.AddedByName))
            .ToListAsync(cancellationToken);
        return new PagedResult<HashBankEntryRow>(rows, total);
    }

    /// <summary>Adds hashes a Manager typed or a CSV file held; <paramref name="origin"/> says which.</summary>
    public async Task<IReadOnlyList<HashEntryResult>> AddEntriesAsync(long bankId, IReadOnlyList<HashEntryInput> inputs, HashBankEntryOrigin origin,
        CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(HashBankPermissions.Manage);
        return await AddAsync(actor, bankId, inputs, origin, cancellationToken);
    }

    /// <summary>Adds hashes the platform sent to the bank of this name; null when there is no such bank.</summary>
    public async Task<IReadOnlyList<HashEntryResult>?> SubmitEntriesAsync(string bankName, IReadOnlyList<HashEntryInput> inputs, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(HashBankPermissions.Submit);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var bankId = await db.HashBanks.Where(b => b.Name == bankName).Select(b => (long?)b.Id).FirstOrDefaultAsync(cancellationToken);
        return bankId is { } id ? await AddAsync(actor, id, inputs, HashBankEntryOrigin.Api, cancellationToken) : null;
    }

    /// <summary>
    /// Removes a wrong hash, with a note of its removal that every instance's matcher reads to drop it; its bank is stamped.
    /// Flags it raised keep saying what it matched.
    /// </summary>
    public async Task<Result> RemoveEntryAsync(long bankId, long entryId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(HashBankPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        await HashBankEntries.TakeWriteLockAsync(db, cancellationToken);
        var entry = await db.HashBankEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.HashBankId == bankId, cancellationToken);
        var bank = await db.HashBanks.SingleOrDefaultAsync(b => b.Id == bankId, cancellationToken);
        if (entry is null || bank is null) return Result.Conflict;
        var now = clock.GetUtcNow().UtcDateTime;
        HashBankEntries.Remove(db, entry, now);
        Stamp(bank, actor.ShownName, now);
        await appender.SaveWithAuditAsync(db, actor, AuditActions.HashBankEntryRemoved, nameof(HashBank), Id(bankId),
            new { bank = bank.Name, entry = entry.Id, entry.Hash, entry.ReviewCaseId }, cancellationToken);
        await appender.CommitAsync(cancellationToken);
        return Result.Ok;
    }

    private async Task<IReadOnlyList<HashEntryResult>> AddAsync(AuditActor actor, long bankId, IReadOnlyList<HashEntryInput> inputs, HashBankEntryOrigin origin,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var bank = await db.HashBanks.AsNoTracking().Where(b => b.Id == bankId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken);
        if (bank is null) return inputs.Select((_, i) => new HashEntryResult(i, HashEntryOutcome.Invalid, null, [new FieldError("bank", "HashBank.NotFound")])).ToList();
        var results = await HashBankEntries.AddAsync(db, bankId, inputs, origin, null, actor.ShownName, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var added = results.Count(r => r.Outcome == HashEntryOutcome.Added);
        if (added > 0)
        {
            await appender.SaveWithAuditAsync(db, actor, AuditActions.HashBankEntriesAdded, nameof(HashBank), Id(bankId), new
            {
                bank, origin, added, alreadyInBank = results.Count(r => r.Outcome == HashEntryOutcome.AlreadyInBank),
                invalid = results.Count(r => r.Outcome == HashEntryOutcome.Invalid),
            }, cancellationToken);
        }
        await appender.CommitAsync(cancellationToken);
        return results;
    }

    private static void Stamp(HashBank bank, string by, DateTime now)
    {
        bank.UpdatedAtUtc = now;
        bank.UpdatedByName = by;
        bank.Version++;
    }

    private async Task<Result> SaveWithAuditAsync(AppDbContext db, AuditActor actor, HashBank bank, object? before, CancellationToken cancellationToken)
    {
        try
        {
            await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.HashBankSaved, nameof(HashBank), Id(bank.Id), new { before, after = Snapshot(bank) }, cancellationToken);
            await appender.CommitAsync(cancellationToken);
            return Result.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Duplicate;
        }
    }

    private static readonly Result Duplicate = Result.Invalid([new(nameof(HashBankForm.Name), "HashBank.Duplicate")]);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(HashBank b) => new { b.Name, b.Kind, b.ReasonCode, b.MatchDistance, b.Note, b.Enabled };
}
