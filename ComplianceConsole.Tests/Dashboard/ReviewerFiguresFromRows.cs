using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Dashboard;

/// <summary>
/// The per-reviewer figures counted from the decisions, flags, claims and appeals themselves, as <see cref="ReviewerStatistics"/> did
/// before it read the <see cref="ReviewerDayCounts"/> (and as the migration that made them fills them): what the day counts must give.
/// </summary>
internal static class ReviewerFiguresFromRows
{
    private sealed record Row(string ReviewerId, long Decisions, long WithLimit, long WithinLimit, long Overturned, double? MedianSeconds);

    public static async Task<IReadOnlyList<ReviewerFigures>> ForPeriodAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var (from, to) = (DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), DateTime.SpecifyKind(toUtc, DateTimeKind.Utc));
        var seconds = SqlDialect.SecondsBetween(db, "\"DecidedAtUtc\"", "COALESCE(\"ClaimedAtUtc\", \"FirstFlagAtUtc\")");
        // Enum values as stored: DecisionOutcome.Escalated, ReviewCaseEventKind.Claimed, AppealOutcome.Overturned.
        var (escalated, claimed, overturned) = ((int)DecisionOutcome.Escalated, (int)ReviewCaseEventKind.Claimed, (int)AppealOutcome.Overturned);
#pragma warning disable EF1002 // the interpolated parts are constants and a dialect expression, never input; the times are parameters
        var rows = await db.Database.SqlQueryRaw<Row>($"""
            WITH "d" AS MATERIALIZED (
                SELECT d."DecidedById" AS "ReviewerId", d."DecidedAtUtc",
                    (SELECT MAX(e."AtUtc") FROM "ReviewCaseEvents" AS e WHERE e."ReviewCaseId" = d."ReviewCaseId" AND e."Kind" = {claimed}
                        AND e."ActorId" = d."DecidedById" AND e."AtUtc" <= d."DecidedAtUtc") AS "ClaimedAtUtc",
                    (SELECT MIN(f."ReceivedAtUtc") FROM "Flags" AS f WHERE f."ReviewCaseId" = d."ReviewCaseId" AND f."HandledAtUtc" = d."DecidedAtUtc") AS "FirstFlagAtUtc",
                    (SELECT MIN(f."DueAtUtc") FROM "Flags" AS f WHERE f."ReviewCaseId" = d."ReviewCaseId" AND f."HandledAtUtc" = d."DecidedAtUtc") AS "DueAtUtc",
                    CASE WHEN EXISTS (SELECT 1 FROM "Appeals" AS a WHERE a."DecisionId" = d."Id" AND a."Outcome" = {overturned}) THEN 1 ELSE 0 END AS "Overturned"
                FROM "Decisions" AS d
                WHERE d."DecidedAtUtc" >= @from AND d."DecidedAtUtc" < @to AND d."Outcome" <> {escalated} AND d."DecidedById" IS NOT NULL
            ),
            "timed" AS (
                SELECT "ReviewerId", {seconds} AS "Seconds" FROM "d" WHERE COALESCE("ClaimedAtUtc", "FirstFlagAtUtc") IS NOT NULL
            ),
            "ranked" AS (
                SELECT "ReviewerId", "Seconds", ROW_NUMBER() OVER (PARTITION BY "ReviewerId" ORDER BY "Seconds") AS "Rank",
                    COUNT(*) OVER (PARTITION BY "ReviewerId") AS "Timed"
                FROM "timed"
            ),
            "median" AS (
                SELECT "ReviewerId", AVG("Seconds") AS "MedianSeconds" FROM "ranked"
                WHERE "Rank" = ("Timed" + 1) / 2 OR "Rank" = ("Timed" + 2) / 2 GROUP BY "ReviewerId"
            ),
            "counts" AS (
                SELECT "ReviewerId", COUNT(*) AS "Decisions",
                    SUM(CASE WHEN "DueAtUtc" IS NOT NULL THEN 1 ELSE 0 END) AS "WithLimit",
                    SUM(CASE WHEN "DueAtUtc" IS NOT NULL AND "DecidedAtUtc" <= "DueAtUtc" THEN 1 ELSE 0 END) AS "WithinLimit",
                    SUM("Overturned") AS "Overturned"
                FROM "d" GROUP BY "ReviewerId"
            )
            SELECT c."ReviewerId", c."Decisions", c."WithLimit", c."WithinLimit", c."Overturned", m."MedianSeconds"
            FROM "counts" AS c LEFT JOIN "median" AS m ON m."ReviewerId" = c."ReviewerId"
            """, Parameter(db, "from", from), Parameter(db, "to", to)).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        var ids = rows.Select(r => r.ReviewerId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return rows.Select(r => new ReviewerFigures(r.ReviewerId, names.GetValueOrDefault(r.ReviewerId) ?? "", (int)r.Decisions,
                r.MedianSeconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : null, (int)r.WithLimit, (int)r.WithinLimit, (int)r.Overturned))
            .OrderByDescending(r => r.Decisions).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ToList();
    }

    private static System.Data.Common.DbParameter Parameter(AppDbContext db, string name, DateTime value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = db.Database.IsNpgsql() ? value : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        return parameter;
    }
}
