using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// What the seeders' decisions were made on (<see cref="Decision"/>'s content fields and <see cref="DecisionFlag"/>s), filled in after
/// they are written in bulk: the item as seeded and the flags each decision handled, as the review services record them.
/// </summary>
internal static class SeededDecisionContext
{
    /// <summary>For the decisions on cases from <paramref name="fromCaseId"/> on that have none yet (a batch seeder names its batch's first case).</summary>
    public static async Task RecordAsync(AppDbContext db, long fromCaseId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Decisions" SET "MediaType" = i."MediaType", "Category" = i."Category", "ExplicitLabel" = i."ExplicitLabel",
                "ImplicitLabel" = i."ImplicitLabel", "AigcLabel" = i."AigcLabel", "ContentProducer" = i."ContentProducer", "ProduceId" = i."ProduceId",
                "ContentPropagator" = i."ContentPropagator", "PropagateId" = i."PropagateId", "ReservedCode1" = i."ReservedCode1", "ReservedCode2" = i."ReservedCode2"
            FROM "ReviewCases" AS c JOIN "ContentItems" AS i ON i."Id" = c."ContentItemId"
            WHERE c."Id" = "Decisions"."ReviewCaseId" AND "Decisions"."ReviewCaseId" >= {fromCaseId} AND "Decisions"."MediaType" = 0
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DecisionFlags" ("DecisionId", "FlagId", "Source", "ReceivedAtUtc", "DueAtUtc")
            SELECT d."Id", f."Id", f."Source", f."ReceivedAtUtc", f."DueAtUtc"
            FROM "Decisions" AS d JOIN "Flags" AS f ON f."ReviewCaseId" = d."ReviewCaseId"
            WHERE d."ReviewCaseId" >= {fromCaseId} AND f."Source" <> {(int)FlagSource.Appeal} AND f."ReceivedAtUtc" <= d."DecidedAtUtc" AND (f."HandledAtUtc" IS NULL OR f."HandledAtUtc" >= d."DecidedAtUtc")
                AND NOT EXISTS (SELECT 1 FROM "DecisionFlags" AS x WHERE x."DecisionId" = d."Id")
            """, cancellationToken);
    }
}
