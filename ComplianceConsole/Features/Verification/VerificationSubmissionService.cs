using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>One verification as the platform or an import file submits it.</summary>
public sealed record VerificationSubmission(
    string? ExternalUserId, string? UserDisplayName, PlatformUserKind? UserKind, VerificationMethod? Method,
    string? Identifier, string? RealName, DateTime? SubmittedAtUtc);

/// <summary>NotStored: valid, but the batch was all-or-nothing and another item in it was invalid.</summary>
public enum SubmissionOutcome { Created, AlreadySubmitted, Invalid, NotStored }

/// <summary>What became of one submission: the record it created or matched, or each field that is wrong.</summary>
public sealed record SubmissionResult(int Index, SubmissionOutcome Outcome, long? RecordId, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Turns submissions into platform users and pending verification records, in batches: validated and
/// normalised, encrypted, hashed, de-duplicated by submission key, and checked for duplicate identities.
/// </summary>
public sealed class VerificationSubmissionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    PiiProtector pii, TimeProvider clock)
{
    public const int BatchSize = 1_000;

    /// <summary>The platform's API submissions: all of a batch is stored, or, if any item is invalid, none of it.</summary>
    public async Task<IReadOnlyList<SubmissionResult>> SubmitAsync(IReadOnlyList<VerificationSubmission> submissions, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(VerificationPermissions.Submit);
        return await SaveBatchAsync(submissions, actor, AuditActions.VerificationSubmitted, new { source = "api" }, allOrNothing: true, cancellationToken);
    }

    /// <summary>
    /// Validates and stores one batch (at most <see cref="BatchSize"/>) in one transaction with one audit event.
    /// The caller has already demanded the permission that fits its channel.
    /// </summary>
    internal Task<IReadOnlyList<SubmissionResult>> SaveBatchAsync(IReadOnlyList<VerificationSubmission> submissions, AuditActor actor,
        string auditAction, object auditContext, bool allOrNothing, CancellationToken cancellationToken) =>
        WriteBatchAsync(PrepareBatch(submissions), actor, auditAction, auditContext, allOrNothing, cancellationToken);

    /// <summary>
    /// The first half of <see cref="SaveBatchAsync"/>, all computation and no database: validated, normalised, hashed and
    /// encrypted, on every core unless <paramref name="cores"/> says otherwise. An import prepares its next batch this way, on
    /// one core, while the current one is written on the other: on both it slowed the writer more than it gained itself.
    /// </summary>
    internal PreparedBatch PrepareBatch(IReadOnlyList<VerificationSubmission> submissions, int cores = -1)
    {
        if (submissions.Count > BatchSize) throw new ArgumentException($"At most {BatchSize} submissions at a time.", nameof(submissions));
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTimeToday(now));
        var results = new SubmissionResult[submissions.Count];
        var prepared = new PreparedSubmission?[submissions.Count];
        Parallel.For(0, submissions.Count, new ParallelOptions { MaxDegreeOfParallelism = cores }, i =>
        {
            var item = submissions[i];
            var errors = Validate(item, today, now, out var identifier, out var name);
            if (errors.Count > 0)
            {
                results[i] = new SubmissionResult(i, SubmissionOutcome.Invalid, null, errors);
                return;
            }
            var externalUserId = item.ExternalUserId!.Trim();
            var hash = VerificationHashes.Identifier(pii, item.Method!.Value, identifier);
            prepared[i] = new PreparedSubmission(i, item, externalUserId, hash, VerificationHashes.SubmissionKey(externalUserId, item.Method.Value, hash, item.SubmittedAtUtc),
                pii.Encrypt(identifier), pii.Encrypt(name));
        });
        return new PreparedBatch(results, prepared.OfType<PreparedSubmission>().ToList());
    }

    /// <summary>The second half of <see cref="SaveBatchAsync"/>: the batch's one transaction.</summary>
    internal Task<IReadOnlyList<SubmissionResult>> WriteBatchAsync(PreparedBatch batch, AuditActor actor, string auditAction, object auditContext,
        bool allOrNothing, CancellationToken cancellationToken) =>
        // Batches go side by side: one that created the same platform user or submission a moment earlier makes this one read again.
        LostRaceRetry.RunAsync(() => WriteBatchOnceAsync(batch, actor, auditAction, auditContext, allOrNothing, cancellationToken));

    private async Task<IReadOnlyList<SubmissionResult>> WriteBatchOnceAsync(PreparedBatch batch, AuditActor actor, string auditAction, object auditContext,
        bool allOrNothing, CancellationToken cancellationToken)
    {
        var (results, valid) = (batch.Results, batch.Valid);
        if (allOrNothing && valid.Count < results.Length)
        {
            foreach (var v in valid) results[v.Index] = new SubmissionResult(v.Index, SubmissionOutcome.NotStored, null, []);
            return results;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        var knownUsers = await PlatformUserBatch.FindAsync(db, valid.Select(v => v.ExternalUserId).ToList(), cancellationToken);
        var existing = await ExistingSubmissionsAsync(db, knownUsers.Values.Select(u => u.Id).ToList(), valid.Select(v => v.Key).ToHashSet(), cancellationToken);
        var fresh = valid.Where(v => !existing.ContainsKey(v.Key)).ToList();
        var verifiedHolders = await VerifiedHoldersAsync(db, fresh.Select(v => v.Hash).Distinct().ToList(), cancellationToken);

        var users = await PlatformUserBatch.ResolveAsync(db, knownUsers, fresh.Select(v => new NamedPlatformUser(v.ExternalUserId,
            PlatformInput.NormalizeText(v.Item.UserDisplayName), v.Item.UserKind ?? PlatformUserKind.Individual)).ToList(), now, cancellationToken);
        var writer = VerificationBatchWriter.Create(db);
        writer.ExpectNew(fresh.Select(v => v.Key).Distinct().Count());
        var createdIds = new Dictionary<string, long>();
        foreach (var v in valid)
        {
            if (existing.TryGetValue(v.Key, out var existingId))
            {
                results[v.Index] = new SubmissionResult(v.Index, SubmissionOutcome.AlreadySubmitted, existingId, []);
                continue;
            }
            if (createdIds.TryGetValue(v.Key, out var createdId)) // the same submission twice in one batch: one record, created once
            {
                results[v.Index] = new SubmissionResult(v.Index, SubmissionOutcome.AlreadySubmitted, createdId, []);
                continue;
            }
            var userId = users[v.ExternalUserId];
            var id = await writer.InsertRecordAsync(new VerificationRecord
            {
                PlatformUserId = userId, Method = v.Item.Method!.Value,
                IdentifierCipher = v.IdentifierCipher, IdentifierHash = v.Hash, RealNameCipher = v.RealNameCipher,
                Status = VerificationStatus.Pending, SubmittedAtUtc = v.Item.SubmittedAtUtc?.ToUniversalTime() ?? now, SubmissionKey = v.Key,
                // A new record is pending, so it changes no other record's flag; it is a duplicate if another user holds the identity verified.
                IsDuplicate = verifiedHolders[v.Hash].Any(holder => holder != userId),
                History = [new VerificationHistoryEntry { AtUtc = now, Actor = actor.ShownName, ToStatus = VerificationStatus.Pending }],
            }, cancellationToken);
            createdIds[v.Key] = id;
            results[v.Index] = new SubmissionResult(v.Index, SubmissionOutcome.Created, id, []);
        }

        await writer.FlushAsync(cancellationToken);
        if (createdIds.Count > 0)
        {
            await appender.SaveWithAuditAsync(db, actor, auditAction, "VerificationRecord", null,
                new { context = auditContext, created = createdIds.Count, alreadySubmitted = valid.Count - createdIds.Count, invalid = results.Length - valid.Count },
                cancellationToken);
        }
        await appender.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>
    /// The records these submission keys already created. A key names its platform user, so only the users that exist
    /// can have them: their few records are read through the user's index and matched here.
    /// </summary>
    private static async Task<Dictionary<string, long>> ExistingSubmissionsAsync(AppDbContext db, List<long> knownUserIds, HashSet<string> keys,
        CancellationToken cancellationToken)
    {
        if (knownUserIds.Count == 0) return [];
        var records = await db.VerificationRecords.AsNoTracking().Where(r => EF.Parameter(knownUserIds).Contains(r.PlatformUserId))
            .Select(r => new { r.SubmissionKey, r.Id }).ToListAsync(cancellationToken);
        return records.Where(r => keys.Contains(r.SubmissionKey)).ToDictionary(r => r.SubmissionKey, r => r.Id);
    }

    /// <summary>For each identity hash, the platform users it is verified for.</summary>
    private static async Task<ILookup<string, long>> VerifiedHoldersAsync(AppDbContext db, List<string> hashes, CancellationToken cancellationToken)
    {
        // The status is checked here, not in SQL: with it there, SQLite read every verified record instead of seeking the hashes.
        var records = await db.VerificationRecords.AsNoTracking().WithIdentity(hashes)
            .Select(r => new { r.IdentifierHash, r.PlatformUserId, r.Status }).ToListAsync(cancellationToken);
        return records.Where(r => r.Status == VerificationStatus.Verified).ToLookup(r => r.IdentifierHash, r => r.PlatformUserId);
    }

    /// <summary>A batch after <see cref="PrepareBatch"/>: a result for each invalid item so far, and the valid ones.</summary>
    internal sealed record PreparedBatch(SubmissionResult[] Results, List<PreparedSubmission> Valid);

    /// <summary>A valid submission, normalised, with its identity hash, submission key and encrypted PII.</summary>
    internal sealed record PreparedSubmission(int Index, VerificationSubmission Item, string ExternalUserId, string Hash, string Key,
        byte[] IdentifierCipher, byte[] RealNameCipher);

    private static DateTime ChinaTimeToday(DateTime utcNow) => Localization.ChinaTime.FromUtc(utcNow);

    private static List<FieldError> Validate(VerificationSubmission item, DateOnly today, DateTime now, out string identifier, out string name)
    {
        var errors = new List<FieldError>();
        identifier = name = "";
        foreach (var (field, text) in new[]
        {
            (nameof(item.ExternalUserId), item.ExternalUserId), (nameof(item.UserDisplayName), item.UserDisplayName),
            (nameof(item.Identifier), item.Identifier), (nameof(item.RealName), item.RealName),
        })
        {
            if (SafeText.HasForbiddenCharacters(text)) errors.Add(new(field, "Validation.ForbiddenCharacters"));
        }
        var externalId = item.ExternalUserId?.Trim() ?? "";
        if (externalId.Length == 0) errors.Add(new(nameof(item.ExternalUserId), "Validation.Required"));
        else if (externalId.Length > PlatformInput.MaxExternalIdLength) errors.Add(new(nameof(item.ExternalUserId), "Validation.TooLong", PlatformInput.MaxExternalIdLength));
        if (item.UserKind is { } kind && !Enum.IsDefined(kind))
            errors.Add(new(nameof(item.UserKind), "Verification.UnknownUserKind", string.Join(", ", Enum.GetNames<PlatformUserKind>())));
        if (PlatformInput.NormalizeText(item.UserDisplayName).Length > PlatformInput.MaxDisplayNameLength)
            errors.Add(new(nameof(item.UserDisplayName), "Validation.TooLong", PlatformInput.MaxDisplayNameLength));
        if (item.Method is null || !Enum.IsDefined(item.Method.Value))
        {
            errors.Add(new(nameof(item.Method), "Verification.MethodRequired"));
        }
        else if (errors.All(e => e.Field != nameof(item.Identifier)))
        {
            var parsed = VerificationRules.ParseIdentifier(item.Method.Value, item.Identifier, today);
            if (!parsed.IsValid) errors.Add(new(nameof(item.Identifier), parsed.ErrorKey!));
            identifier = parsed.Normalized;
        }
        name = PlatformInput.NormalizeName(item.RealName);
        if (name.Length == 0) errors.Add(new(nameof(item.RealName), "Validation.Required"));
        else if (name.Length > PlatformInput.MaxRealNameLength) errors.Add(new(nameof(item.RealName), "Validation.TooLong", PlatformInput.MaxRealNameLength));
        if (VerificationRules.SubmittedAtError(item.SubmittedAtUtc, now) is { } timeError) errors.Add(timeError);
        return errors;
    }
}
