using System.Diagnostics;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// Fills a database with synthetic content as the platform would have sent it over the last 90 days, through the
/// ingestion service itself: the feature library and label checks flag what they flag, a few items draw complaints,
/// regulator notices or staff reports, and the cases due before the last week are decided (a few escalated), so
/// the queue has realistic open, escalated and decided cases at scale.
/// </summary>
public sealed class ContentSeeder(IDbContextFactory<AppDbContext> contextFactory, ContentIngestionService ingestion, TimeProvider clock,
    ILogger<ContentSeeder> logger)
{
    private static readonly AuditActor Platform = new(null, "api:seed-platform");

    public async Task SeedAsync(int items, int seed = 20260110, CancellationToken cancellationToken = default)
    {
        var synthetic = new SyntheticContent(seed);
        await SyntheticFeatureLibrary.EnsureAsync(contextFactory, synthetic, cancellationToken);
        var random = synthetic.Random;
        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.AddDays(-90);
        var batches = (items + ContentRules.BatchSize - 1) / ContentRules.BatchSize;
        var run = $"{seed}-{now:yyyyMMddHHmmss}";
        var authors = Math.Max(1, items / 20);
        var stopwatch = Stopwatch.StartNew();
        for (var b = 0; b < batches; b++)
        {
            var at = start + (now - start) * b / batches;
            var count = Math.Min(ContentRules.BatchSize, items - b * ContentRules.BatchSize);
            var submissions = Enumerable.Range(0, count).Select(i => synthetic.Item($"c{run}-{b * ContentRules.BatchSize + i:D8}",
                $"u{seed}-author-{random.Next(authors):D7}", at.AddMinutes(-random.Next(600)))).ToList();
            await ingestion.SaveContentAsync(submissions, Platform, at, cancellationToken);
            var flags = submissions.Select(s => (s.ExternalId, Roll: random.Next(1000))).Where(s => s.Roll < 60)
                .Select(s => s.Roll switch
                {
                    < 50 => new FlagSubmission(s.ExternalId, FlagSource.UserComplaint, "用户投诉：疑似冒用本人肖像或声音", $"1{random.Next(30, 99)}{random.Next(100_000_000):D8}", null, at),
                    < 55 => new FlagSubmission(s.ExternalId, FlagSource.RegulatorNotice, $"网信部门通知 {at:yyyy}-{random.Next(1, 999):D3}", null, null, at),
                    _ => new FlagSubmission(s.ExternalId, FlagSource.Staff, "巡查发现", null, null, at),
                }).ToList();
            if (flags.Count > 0) await ingestion.SaveFlagsAsync(flags, Platform, at, cancellationToken);
            if ((b + 1) % 50 == 0 || b == batches - 1)
                logger.LogInformation("Seeded {Done:N0} of {Items:N0} content items ({Rate:N0} a second).", b * ContentRules.BatchSize + count, items,
                    (b * ContentRules.BatchSize + count) / stopwatch.Elapsed.TotalSeconds);
        }
        await DecideOlderCasesAsync(now.AddDays(-7), cancellationToken);
    }

    /// <summary>Cases due before the cutoff are decided as reviewers would have (mostly no violation), one in fifty of the rest escalated.</summary>
    private async Task DecideOlderCasesAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cutoff = cutoffUtc;
        var open = (int)ReviewCaseState.Open;
        await CountDecisionsAsync(db, cutoff, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Decisions" ("ReviewCaseId", "Outcome", "ReasonCode", "DecidedByName", "DecidedAtUtc", "SourceMask", "MediaType", "Category",
                "ExplicitLabel", "ImplicitLabel", "AigcLabel", "ContentProducer", "ProduceId", "ContentPropagator", "PropagateId", "ReservedCode1", "ReservedCode2")
            SELECT c."Id", CASE c."Id" % 10 WHEN 0 THEN {(int)DecisionOutcome.Removed} WHEN 1 THEN {(int)DecisionOutcome.LabelRequired} ELSE {(int)DecisionOutcome.NoViolation} END,
                CASE c."Id" % 10 WHEN 0 THEN 'fraud_impersonation' WHEN 1 THEN 'label_missing' ELSE 'false_positive' END, 'seed reviewer', c."DueAtUtc", c."SourceMask",
                i."MediaType", i."Category", i."ExplicitLabel", i."ImplicitLabel", i."AigcLabel", i."ContentProducer", i."ProduceId", i."ContentPropagator",
                i."PropagateId", i."ReservedCode1", i."ReservedCode2"
            FROM "ReviewCases" AS c JOIN "ContentItems" AS i ON i."Id" = c."ContentItemId" WHERE c."State" = {open} AND c."DueAtUtc" < {cutoff}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ReviewCaseEvents" ("ReviewCaseId", "AtUtc", "Kind", "ActorName", "Detail")
            SELECT "ReviewCaseId", "DecidedAtUtc", {(int)ReviewCaseEventKind.Decided}, "DecidedByName", "ReasonCode" FROM "Decisions"
            WHERE "ReviewCaseId" IN (SELECT "Id" FROM "ReviewCases" WHERE "State" = {open} AND "DueAtUtc" < {cutoff})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Flags" SET "HandledAtUtc" = (SELECT c."DueAtUtc" FROM "ReviewCases" AS c WHERE c."Id" = "Flags"."ReviewCaseId")
            WHERE "HandledAtUtc" IS NULL AND "ReviewCaseId" IN (SELECT "Id" FROM "ReviewCases" WHERE "State" = {open} AND "DueAtUtc" < {cutoff})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "ReviewCases" SET "State" = {(int)ReviewCaseState.Decided}, "DecidedAtUtc" = "DueAtUtc", "Version" = "Version" + 1,
                "DecisionId" = (SELECT max(d."Id") FROM "Decisions" AS d WHERE d."ReviewCaseId" = "ReviewCases"."Id")
            WHERE "State" = {open} AND "DueAtUtc" < {cutoff}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""UPDATE "ReviewCases" SET "State" = {(int)ReviewCaseState.Escalated} WHERE "State" = {open} AND "Id" % 50 = 0""", cancellationToken);
        await SeededDecisionFlags.RecordAsync(db, 0, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the day counts
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The <see cref="ReviewDayCounts"/> of what <see cref="DecideOlderCasesAsync"/> decides: each case decided at its due time, its flags handled then.</summary>
    private static async Task CountDecisionsAsync(AppDbContext db, DateTime cutoff, CancellationToken cancellationToken)
    {
        var decided = db.ReviewCases.AsNoTracking().Where(c => c.State == ReviewCaseState.Open && c.DueAtUtc < cutoff);
        foreach (var c in await decided.Select(c => new { c.Id, c.DueAtUtc }).ToListAsync(cancellationToken))
        {
            ReviewDayCounts.Decided(db.DayCountChanges, (c.Id % 10) switch { 0 => DecisionOutcome.Removed, 1 => DecisionOutcome.LabelRequired, _ => DecisionOutcome.NoViolation }, c.DueAtUtc);
        }
        var flags = db.Flags.AsNoTracking().Where(f => f.HandledAtUtc == null)
            .Join(decided, f => f.ReviewCaseId, c => c.Id, (f, c) => new { f.Source, f.ReceivedAtUtc, f.DueAtUtc, HandledAtUtc = c.DueAtUtc });
        foreach (var f in await flags.ToListAsync(cancellationToken)) ReviewDayCounts.Handled(db.DayCountChanges, f.Source, f.ReceivedAtUtc, f.DueAtUtc, f.HandledAtUtc);
    }
}

/// <summary>The synthetic library of 10,000 keywords and 100 patterns, added to a database that has no library yet.</summary>
public static class SyntheticFeatureLibrary
{
    public const int Keywords = 10_000;
    public const int Patterns = 100;

    public static async Task EnsureAsync(IDbContextFactory<AppDbContext> contexts, SyntheticContent synthetic, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var library = synthetic.FeatureLibrary(Keywords, Patterns, DateTime.UtcNow);
        if (await db.FeatureRules.AnyAsync(cancellationToken)) return;
        db.FeatureRules.AddRange(library);
        await db.SaveChangesAsync(cancellationToken);
    }
}
