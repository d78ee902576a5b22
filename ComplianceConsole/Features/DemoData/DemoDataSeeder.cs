using System.Diagnostics;
using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// Fills a database with synthetic platform users and their verification records (mixed methods, statuses
/// and times over two years in the order they arrived, a few duplicate identities) so the product can be tried at scale.
/// Records are encrypted and hashed exactly as real submissions are, and written in bulk (<see cref="BulkTable"/>: binary
/// COPY on PostgreSQL) with their ids given, a transaction per batch.
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
            var existing = await probe.PlatformUsers().CountAsync(cancellationToken);
            if (existing > 0) logger.LogInformation("The database already has {Count} platform users; adding {Users} more.", existing, users);
        }
        var runTag = $"{seed}-{now:yyyyMMddHHmmss}";
        var tables = await SeedTables.StartAsync(contextFactory, cancellationToken);
        string? previousIdentity = null;
        var previousMethod = VerificationMethod.ResidentIdCard;

        for (var done = 0; done < users; done += BatchSize)
        {
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

                var submitted = Before(now, user.CreatedAtUtc, user.CreatedAtUtc.AddMinutes(random.Next(60 * 24)), random);
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
                tables.Add(user, record);
            }
            await tables.WriteAsync(contextFactory, cancellationToken);
            logger.LogInformation("Seeded {Done:N0} of {Users:N0} users ({Rate:N0} a second).", done + count, users, (done + count) / stopwatch.Elapsed.TotalSeconds);
        }

        await tables.FinishAsync(contextFactory, cancellationToken);
        await MarkDuplicatesAsync(cancellationToken);
        return users;
    }

    private static void Decide(VerificationRecord record, VerificationStatus status, Random random, DateTime now)
    {
        var decider = Deciders[random.Next(Deciders.Length)];
        var verifiedAt = Before(now, record.SubmittedAtUtc, record.SubmittedAtUtc.AddMinutes(5 + random.Next(60 * 48)), random);
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
            verifiedAt = Before(now, verifiedAt, verifiedAt.AddDays(30 + random.Next(300)), random);
        }
        record.History.Add(new VerificationHistoryEntry { AtUtc = verifiedAt, Actor = decider, FromStatus = from, ToStatus = status, ReasonCode = reason });
        record.Status = status;
        record.DecidedAtUtc = verifiedAt;
        record.DecidedBy = decider;
        record.ReasonCode = reason;
    }

    /// <summary>
    /// The step's time, or, when it would come after now, a time spread between the step before and now: pinned to now, every
    /// recent record's step landed at the moment of seeding, one spike on the dashboard's "today".
    /// </summary>
    private static DateTime Before(DateTime now, DateTime previous, DateTime planned, Random random) =>
        planned <= now ? planned : previous + (now - previous) * random.NextDouble();

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

    /// <summary>A batch's users, records and history rows, written parents first; ids continue from the largest stored.</summary>
    private sealed class SeedTables(long lastUser, long lastRecord)
    {
        private readonly BulkTable _users = new("PlatformUsers", "Id", "ExternalId", "DisplayName", "Kind", "CreatedAtUtc");
        private readonly BulkTable _records = new("VerificationRecords", "Id", "PlatformUserId", "Method", "IdentifierCipher", "IdentifierHash", "IdentifierHashKey",
            "RealNameCipher", "Status", "SubmittedAtUtc", "DecidedAtUtc", "DecidedBy", "ReasonCode", "IsDuplicate", "SubmissionKey", "Version");
        private readonly BulkTable _history = new("VerificationHistory", "VerificationRecordId", "AtUtc", "Actor", "FromStatus", "ToStatus", "ReasonCode");
        private readonly List<VerificationRecord> _counted = [];
        private long _lastUser = lastUser, _lastRecord = lastRecord;

        public static async Task<SeedTables> StartAsync(IDbContextFactory<AppDbContext> contextFactory, CancellationToken cancellationToken)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            return new SeedTables(await BulkIds.MaxAsync(connection, "PlatformUsers", cancellationToken), await BulkIds.MaxAsync(connection, "VerificationRecords", cancellationToken));
        }

        public void Add(PlatformUser user, VerificationRecord record)
        {
            user.Id = ++_lastUser;
            record.Id = ++_lastRecord;
            _users.Add(user.Id, user.ExternalId, user.DisplayName, (int)user.Kind, user.CreatedAtUtc);
            _records.Add(record.Id, user.Id, (int)record.Method, record.IdentifierCipher, record.IdentifierHash, record.IdentifierHashKey, record.RealNameCipher,
                (int)record.Status, record.SubmittedAtUtc, record.DecidedAtUtc, record.DecidedBy, record.ReasonCode, record.IsDuplicate, record.SubmissionKey, 0);
            foreach (var entry in record.History) _history.Add(record.Id, entry.AtUtc, entry.Actor, (int?)entry.FromStatus, (int)entry.ToStatus, entry.ReasonCode);
            _counted.Add(record);
        }

        public async Task WriteAsync(IDbContextFactory<AppDbContext> contextFactory, CancellationToken cancellationToken)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (connection, dbTransaction) = PreparedCommands.InTransactionOf(db);
            foreach (var table in new[] { _users, _records, _history }) await table.WriteAsync(connection, dbTransaction, cancellationToken);
            foreach (var record in _counted) VerificationDayCounts.Add(db.DayCountChanges, record);
            _counted.Clear();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public async Task FinishAsync(IDbContextFactory<AppDbContext> contextFactory, CancellationToken cancellationToken)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await BulkIds.ResetSequencesAsync(db.Database.GetDbConnection(), [_users.Name, _records.Name, _history.Name], cancellationToken);
        }
    }
}
