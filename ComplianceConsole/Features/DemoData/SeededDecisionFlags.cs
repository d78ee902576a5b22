using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// The flags the seeders' decisions handled (<see cref="DecisionFlag"/>), recorded after the decisions are written in bulk with their item's
/// fields, as the review services record them.
/// </summary>
internal static class SeededDecisionFlags
{
    /// <summary>For the decisions on cases from <paramref name="fromCaseId"/> on that have none yet (a batch seeder names its batch's first case).</summary>
    public static async Task RecordAsync(AppDbContext db, long fromCaseId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DecisionFlags" ("DecisionId", "FlagId", "Source", "ReceivedAtUtc", "DueAtUtc")
            SELECT d."Id", f."Id", f."Source", f."ReceivedAtUtc", f."DueAtUtc"
            FROM "Decisions" AS d JOIN "Flags" AS f ON f."ReviewCaseId" = d."ReviewCaseId"
            WHERE d."ReviewCaseId" >= {fromCaseId} AND f."Source" <> {(int)FlagSource.Appeal} AND f."ReceivedAtUtc" <= d."DecidedAtUtc" AND (f."HandledAtUtc" IS NULL OR f."HandledAtUtc" >= d."DecidedAtUtc")
                AND NOT EXISTS (SELECT 1 FROM "DecisionFlags" AS x WHERE x."DecisionId" = d."Id")
            """, cancellationToken);
    }
}
