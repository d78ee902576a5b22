using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>Reads verification records for the grid, the record page and the eligibility check; everything masked.</summary>
public sealed class VerificationQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, PiiProtector pii, PiiDisplay display, TimeProvider clock,
    ISanctionsInForce sanctions)
{
    /// <summary>One page of the grid by keyset: the first, the next or previous from a cursor, or the last (the first, reversed).</summary>
    public async Task<KeysetPage<VerificationRow>> GetPageAsync(VerificationPageRequest request, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await ProjectAsync((await PageQueryAsync(db, request, cancellationToken)).TakePage(request.PageSize), cancellationToken);
        return rows.ToPage(request.PageSize, request.Anchor);
    }

    /// <summary>How many records match: up to <see cref="KeysetPaging.CountBound"/> unless <paramref name="exact"/>.</summary>
    public async Task<BoundedCount> CountAsync(VerificationFilter filter, VerificationSort sort, bool exact = false, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = await CountQueryAsync(db, filter, sort, exact, cancellationToken);
        return BoundedCount.Of(await query.CountAsync(cancellationToken), exact);
    }

    /// <summary>The grid's page query, rows in display order or reversed (for Before and Last), on the index chosen for the filter.</summary>
    internal async Task<IQueryable<VerificationRecord>> PageQueryAsync(AppDbContext db, VerificationPageRequest request, CancellationToken cancellationToken)
    {
        var sort = VerificationGridRules.Fit(request.Filter, request.Sort);
        var filtered = await FilterAsync(db, request.Filter, cancellationToken, GridSource(db, request.Filter, sort));
        return Page(filtered, sort, request.Anchor, request.Cursor);
    }

    internal async Task<IQueryable<VerificationRecord>> CountQueryAsync(AppDbContext db, VerificationFilter filter, VerificationSort sort, bool exact,
        CancellationToken cancellationToken)
    {
        sort = VerificationGridRules.Fit(filter, sort);
        var filtered = await FilterAsync(db, filter, cancellationToken, GridSource(db, filter, sort));
        return Page(filtered, sort, PageAnchor.First, null).UpToBound(exact);
    }

    /// <summary>The records table read through the index for this filter and sort, or by id for an exact search.</summary>
    private static IQueryable<VerificationRecord> GridSource(AppDbContext db, VerificationFilter filter, VerificationSort sort) =>
        // An exact search reads its few rows by id, never a walk that avoids sorting them.
        IndexHints.Through<VerificationRecord>(db, "VerificationRecords",
            !string.IsNullOrWhiteSpace(filter.Search) ? null : VerificationGridIndexes.For(filter, sort == VerificationSort.DecidedNewest).Name);

    /// <summary>The ids of every record matching a filter, in keyset batches, for bulk actions.</summary>
    internal async IAsyncEnumerable<IReadOnlyList<long>> MatchingIdBatchesAsync(AppDbContext db, VerificationFilter filter, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filtered = await FilterAsync(db, filter, cancellationToken);
        long after = 0;
        while (true)
        {
            var ids = await filtered.Where(r => r.Id > after).OrderBy(r => r.Id).Select(r => r.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) yield break;
            yield return ids;
            after = ids[^1];
        }
    }

    internal async Task<int> CountAsync(AppDbContext db, VerificationFilter filter, CancellationToken cancellationToken) =>
        await (await FilterAsync(db, filter, cancellationToken)).CountAsync(cancellationToken);

    public async Task<VerificationDetail?> GetDetailAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.VerificationRecords.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.PlatformUserId, r.IdentifierHash, r.PlatformUser.Kind, r.ExpiresAtUtc, r.Note })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null) return null;

        var record = (await ProjectAsync(db.VerificationRecords.Where(r => r.Id == id), cancellationToken)).Single();
        var history = await db.VerificationHistory.AsNoTracking().Where(h => h.VerificationRecordId == id).OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
            .Select(h => new VerificationHistoryRow(h.AtUtc, h.Actor, h.FromStatus, h.ToStatus, h.ReasonCode, h.Note))
            .ToListAsync(cancellationToken);
        var sameUser = await ProjectAsync(db.VerificationRecords.Where(r => r.PlatformUserId == head.PlatformUserId && r.Id != id)
            .OrderByDescending(r => r.SubmittedAtUtc).Take(50), cancellationToken);
        var sameIdentity = await ProjectAsync(db.VerificationRecords.WithIdentity([head.IdentifierHash]).Where(r => r.Id != id)
            .OrderByDescending(r => r.SubmittedAtUtc).Take(50), cancellationToken);
        return new VerificationDetail(record, head.Kind, head.ExpiresAtUtc, head.Note, history, sameUser, sameIdentity);
    }

    public async Task<Eligibility> GetEligibilityAsync(string externalUserId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.CheckEligibility);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var userId = await db.PlatformUsers().AsNoTracking().Where(u => u.ExternalId == externalUserId).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (userId is null) return new Eligibility(externalUserId, false, EligibilityReason.UnknownUser, null, null, null);

        var now = clock.GetUtcNow().UtcDateTime;
        var sanction = await sanctions.StrongestAsync(userId.Value, now, cancellationToken);
        var verification = await VerificationEligibilityAsync(db, externalUserId, userId.Value, now, cancellationToken);
        if (sanction is null) return verification;
        // A sanction that stops publishing outranks a valid verification; a warning rides along with whatever the verification says.
        return SanctionRules.BlocksPublishing(sanction.Kind)
            ? verification with { Eligible = false, Reason = EligibilityReason.Sanctioned, Sanction = sanction.Kind, SanctionEndsAtUtc = sanction.EndsAtUtc }
            : verification with { Sanction = sanction.Kind, SanctionEndsAtUtc = sanction.EndsAtUtc };
    }

    private static async Task<Eligibility> VerificationEligibilityAsync(AppDbContext db, string externalUserId, long userId, DateTime now, CancellationToken cancellationToken)
    {
        var records = await db.VerificationRecords.AsNoTracking().Where(r => r.PlatformUserId == userId)
            .OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Status, r.Method, r.DecidedAtUtc, r.ExpiresAtUtc }).Take(100).ToListAsync(cancellationToken);
        var valid = records.FirstOrDefault(r => r.Status == VerificationStatus.Verified && (r.ExpiresAtUtc is null || r.ExpiresAtUtc > now));
        if (valid is not null) return new Eligibility(externalUserId, true, EligibilityReason.Verified, valid.Method, valid.DecidedAtUtc, valid.ExpiresAtUtc);

        var latest = records.FirstOrDefault();
        var reason = latest?.Status switch
        {
            null => EligibilityReason.NoVerification,
            VerificationStatus.Pending => EligibilityReason.Pending,
            VerificationStatus.Rejected => EligibilityReason.Rejected,
            VerificationStatus.Revoked => EligibilityReason.Revoked,
            _ => EligibilityReason.Expired, // Expired, or Verified past its expiry date
        };
        return new Eligibility(externalUserId, false, reason, latest?.Method, null, latest?.ExpiresAtUtc);
    }

    /// <summary>The pending record after (or before) the given one in queue order, oldest submission first; the first when none is given.</summary>
    public async Task<long?> AdjacentPendingAsync(long? fromId, bool forward, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = db.VerificationRecords.AsNoTracking().Where(r => r.Status == VerificationStatus.Pending);
        var from = fromId is null ? null
            : await db.VerificationRecords.AsNoTracking().Where(r => r.Id == fromId).Select(r => new { r.SubmittedAtUtc, r.Id }).SingleOrDefaultAsync(cancellationToken);
        var anchor = from is null ? PageAnchor.First : forward ? PageAnchor.After : PageAnchor.Before;
        return await pending.Seek(r => r.SubmittedAtUtc, r => r.Id, descending: false, anchor, from is null ? null : (from.SubmittedAtUtc, from.Id))
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Staff names that have decided records, for the "decided by" filter.</summary>
    public async Task<IReadOnlyList<string>> GetDecidersAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(VerificationPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Select(u => u.Email!).OrderBy(e => e).Take(500).ToListAsync(cancellationToken);
    }

    private async Task<IQueryable<VerificationRecord>> FilterAsync(AppDbContext db, VerificationFilter filter, CancellationToken cancellationToken,
        IQueryable<VerificationRecord>? source = null)
    {
        var query = (source ?? db.VerificationRecords).AsNoTracking();
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        if (filter.Method is { } method) query = query.Where(r => r.Method == method);
        if (filter.SubmittedFromUtc is { } sf) query = query.Where(r => r.SubmittedAtUtc >= sf);
        if (filter.SubmittedToUtc is { } st) query = query.Where(r => r.SubmittedAtUtc < st);
        if (filter.DecidedFromUtc is { } df) query = query.Where(r => r.DecidedAtUtc >= df);
        if (filter.DecidedToUtc is { } dt) query = query.Where(r => r.DecidedAtUtc < dt);
        if (!string.IsNullOrWhiteSpace(filter.DecidedBy)) query = query.Where(r => r.DecidedBy == filter.DecidedBy);
        if (filter.DuplicatesOnly)
        {
            // Compared with a parameter, not as a bare boolean column: SQLite uses the index only for "IsDuplicate = ?".
            var duplicate = true;
            query = query.Where(r => r.IsDuplicate == duplicate);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Exact matches only, through the keyed hash: ciphertext is never scanned.
            var search = filter.Search.Trim();
            var hashes = SearchHashes(search);
            var userId = await db.PlatformUsers().AsNoTracking().Where(u => u.ExternalId == search).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);
            // The few matching ids first, each through its own index; combined with other filters in one OR, the planner walked a whole index instead.
            var ids = await db.VerificationRecords.AsNoTracking().WithIdentity(hashes).Select(r => r.Id)
                .Concat(db.VerificationRecords.AsNoTracking().Where(r => r.PlatformUserId == userId).Select(r => r.Id))
                .ToListAsync(cancellationToken);
            query = query.Where(r => ids.Contains(r.Id));
        }
        return query;
    }

    private List<string> SearchHashes(string search)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Enum.GetValues<VerificationMethod>()
            .Select(method => (method, parsed: VerificationRules.ParseIdentifier(method, search, today)))
            .Where(x => x.parsed.IsValid)
            .Select(x => VerificationHashes.Identifier(pii, x.method, x.parsed.Normalized))
            .ToList();
    }

    /// <summary>Pages by the sort's time and the id: decided records only when sorted by decision.</summary>
    private static IQueryable<VerificationRecord> Page(IQueryable<VerificationRecord> query, VerificationSort sort, PageAnchor anchor, VerificationCursor? cursor)
    {
        var descending = sort != VerificationSort.SubmittedOldest;
        if (sort == VerificationSort.DecidedNewest)
        {
            return query.Where(r => r.DecidedAtUtc != null)
                .Seek(r => r.DecidedAtUtc, r => r.Id, descending, anchor, cursor is null ? null : (cursor.At, cursor.Id));
        }
        return query.Seek(r => r.SubmittedAtUtc, r => r.Id, descending, anchor, cursor is null ? null : (cursor.At, cursor.Id));
    }

    private async Task<List<VerificationRow>> ProjectAsync(IQueryable<VerificationRecord> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().Select(r => new
        {
            r.Id, r.Version, r.PlatformUser.ExternalId, r.PlatformUser.DisplayName, r.Method, r.IdentifierCipher, r.RealNameCipher,
            r.Status, r.SubmittedAtUtc, r.DecidedAtUtc, r.DecidedBy, r.ReasonCode, r.IsDuplicate,
        }).ToListAsync(cancellationToken);
        return rows.Select(r => new VerificationRow(r.Id, r.Version, r.ExternalId, r.DisplayName, r.Method,
            display.Masked(r.IdentifierCipher, value => VerificationRules.Mask(r.Method, value)), display.Masked(r.RealNameCipher, Identifiers.Masking.Name),
            r.Status, r.SubmittedAtUtc, r.DecidedAtUtc, r.DecidedBy, r.ReasonCode, r.IsDuplicate)).ToList();
    }
}
