using System.Diagnostics;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// Fills a database with synthetic platform users and their verification records (mixed methods, statuses
/// and times over two years in the order they arrived, a few duplicate identities) so the product can be tried at scale.
/// Records are encrypted and hashed exactly as real submissions are.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<AppDbContext> contextFactory, PiiProtector pii, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private const int BatchSize = 5_000;
    private static readonly string[] Deciders = ["zhang.wei@provider.example", "li.na@provider.example", "wang.fang@provider.example", "liu.yang@provider.example"];

    public async Task<int> SeedAsync(int users, int seed = 20260110, CancellationToken cancellationToken = default)
    {
        var identities = new SyntheticIdentities(seed);
        var random = identities.Random;
        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.AddYears(-2);
        var stopwatch = Stopwatch.StartNew();
        await using (var probe = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var existing = await probe.PlatformUsers.CountAsync(cancellationToken);
            if (existing > 0) logger.LogInformation("The database already has {Count} platform users; adding {Users} more.", existing, users);
        }
        var runTag = $"{seed}-{now:yyyyMMddHHmmss}";
        string? previousIdentity = null;
        var previousMethod = VerificationMethod.ResidentIdCard;

        for (var done = 0; done < users; done += BatchSize)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var count = Math.Min(BatchSize, users - done);
            for (var i = 0; i < count; i++)
            {
                var organisation = random.Next(100) < 8;
                var user = new PlatformUser
                {
                    ExternalId = $"u{runTag}-{done + i:D8}",
                    DisplayName = organisation ? "" : $"用户{random.Next(1_000_000):D6}",
                    Kind = organisation ? PlatformUserKind.Organisation : PlatformUserKind.Individual,
                    // People sign up one after another over the two years, as a real platform's do: the database holds them (and
                    // their records) in the order they arrived, which is the order the ledger and its export read them in.
                    CreatedAtUtc = start.AddSeconds((done + i + random.NextDouble()) / users * (now - start).TotalSeconds),
                };
                var (method, identifier) = organisation
                    ? (VerificationMethod.UnifiedSocialCreditCode, identities.CreditCode())
                    : random.Next(100) switch
                    {
                        < 55 => (VerificationMethod.ResidentIdCard, identities.ResidentId()),
                        < 90 => (VerificationMethod.MobileNumber, identities.Mobile()),
                        _ => (VerificationMethod.NationalOnlineIdentity, identities.OnlineIdentityToken()),
                    };
                // About one in two hundred people share an identity with the user before them: duplicates to find.
                if (previousIdentity is not null && method == previousMethod && random.Next(200) == 0) identifier = previousIdentity;
                (previousIdentity, previousMethod) = (identifier, method);

                var submitted = user.CreatedAtUtc.AddMinutes(random.Next(60 * 24));
                if (submitted > now) submitted = now;
                var status = random.Next(100) switch { < 55 => VerificationStatus.Verified, < 75 => VerificationStatus.Pending, < 85 => VerificationStatus.Rejected, < 95 => VerificationStatus.Expired, _ => VerificationStatus.Revoked };
                var hash = VerificationHashes.Identifier(pii, method, identifier);
                var record = new VerificationRecord
                {
                    PlatformUser = user, Method = method, IdentifierCipher = pii.Encrypt(identifier), IdentifierHash = hash,
                    RealNameCipher = pii.Encrypt(organisation ? identities.CompanyName() : identities.PersonName()),
                    Status = status, SubmittedAtUtc = submitted, SubmissionKey = VerificationHashes.SubmissionKey(user.ExternalId, method, hash, submitted),
                    History = [new VerificationHistoryEntry { AtUtc = submitted, Actor = "api:platform", ToStatus = VerificationStatus.Pending }],
                };
                if (status != VerificationStatus.Pending) Decide(record, status, random, now);
                db.VerificationRecords.Add(record);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded {Done:N0} of {Users:N0} users ({Rate:N0} a second).", done + count, users, (done + count) / stopwatch.Elapsed.TotalSeconds);
        }

        await MarkDuplicatesAsync(cancellationToken);
        return users;
    }

    private static void Decide(VerificationRecord record, VerificationStatus status, Random random, DateTime now)
    {
        var decider = Deciders[random.Next(Deciders.Length)];
        var verifiedAt = record.SubmittedAtUtc.AddMinutes(5 + random.Next(60 * 48));
        if (verifiedAt > now) verifiedAt = now;
        var (from, reason) = status switch
        {
            VerificationStatus.Rejected => (VerificationStatus.Pending, random.Next(2) == 0 ? "identity_mismatch" : "invalid_document"),
            VerificationStatus.Expired => (VerificationStatus.Verified, VerificationTransitions.ExpiredReason),
            VerificationStatus.Revoked => (VerificationStatus.Verified, "user_request"),
            _ => (VerificationStatus.Pending, (string?)null),
        };
        if (from == VerificationStatus.Verified)
        {
            record.History.Add(new VerificationHistoryEntry { AtUtc = verifiedAt, Actor = decider, FromStatus = VerificationStatus.Pending, ToStatus = VerificationStatus.Verified });
            verifiedAt = verifiedAt.AddDays(30 + random.Next(300));
            if (verifiedAt > now) verifiedAt = now;
        }
        record.History.Add(new VerificationHistoryEntry { AtUtc = verifiedAt, Actor = decider, FromStatus = from, ToStatus = status, ReasonCode = reason });
        record.Status = status;
        record.DecidedAtUtc = verifiedAt;
        record.DecidedBy = decider;
        record.ReasonCode = reason;
    }

    /// <summary>Sets the duplicate flag from the data, as the app keeps it: an identity verified for more than one user.</summary>
    private async Task MarkDuplicatesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var shared = await db.VerificationRecords.AsNoTracking()
            .GroupBy(r => r.IdentifierHash).Where(g => g.Select(r => r.PlatformUserId).Distinct().Count() > 1).Select(g => g.Key)
            .ToListAsync(cancellationToken);
        foreach (var batch in shared.Chunk(500))
        {
            await using var work = await contextFactory.CreateDbContextAsync(cancellationToken);
            await DuplicateIdentities.RefreshAsync(work, batch, cancellationToken);
            await work.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("{Count} identities are shared by more than one platform user.", shared.Count);
    }
}
