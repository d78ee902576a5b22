using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Verification;

/// <summary>What verification tells the platform, through the webhook outbox (<see cref="PlatformEvents.Add"/>), in the decision's transaction.</summary>
public static class VerificationPlatformEvents
{
    /// <summary><c>verification.decided</c> for each record whose status a Verifier changed.</summary>
    public static async Task VerificationDecidedAsync(AppDbContext db, IReadOnlyCollection<VerificationRecord> records, CancellationToken cancellationToken)
    {
        var userIds = records.Select(r => r.PlatformUserId).Distinct().ToList();
        var externalIds = await db.PlatformUsers().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ExternalId, cancellationToken);
        foreach (var record in records)
        {
            var userId = externalIds[record.PlatformUserId];
            var decidedAt = record.DecidedAtUtc!.Value; // set by every decision
            PlatformEvents.Add(db, PlatformEventTypes.VerificationDecided, userId, new
            {
                recordId = record.Id, userId, method = record.Method, status = record.Status, reasonCode = record.ReasonCode, decidedAt,
            }, decidedAt);
        }
    }
}
