using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Keeps what a person typed on a case until they save it: one encrypted draft per person and case. A draft is that person's
/// own unsaved work, not a change to any record, so writing it adds no audit event; the decision it becomes is audited.
/// </summary>
public sealed class ReviewDraftService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, PiiProtector pii, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>My draft of this case, if I left one.</summary>
    public async Task<CaseDraft?> GetAsync(long caseId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cipher = await db.ReviewDrafts.AsNoTracking().Where(d => d.ReviewCaseId == caseId && d.StaffId == actor.Id)
            .Select(d => d.ContentCipher).FirstOrDefaultAsync(cancellationToken);
        return cipher is null ? null : Read(pii.Decrypt(cipher));
    }

    /// <summary>Keeps my draft of this case as it stands now (an empty one is removed); returns when it was kept.</summary>
    public async Task<DateTime> SaveAsync(long caseId, CaseDraft draft, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.Read);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ReviewDrafts.FirstOrDefaultAsync(d => d.ReviewCaseId == caseId && d.StaffId == actor.Id, cancellationToken);
        if (draft.IsEmpty)
        {
            if (stored is not null) db.ReviewDrafts.Remove(stored);
        }
        else
        {
            if (stored is null) db.ReviewDrafts.Add(stored = new ReviewDraft { ReviewCaseId = caseId, StaffId = actor.Id! });
            (stored.ContentCipher, stored.SavedAtUtc) = (pii.Encrypt(JsonSerializer.Serialize(draft, Json)), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return now;
    }

    /// <summary>The drafts of a case are spent once it is decided: removed in the decision's own transaction.</summary>
    internal static Task<int> RemoveAllAsync(AppDbContext db, long caseId, CancellationToken cancellationToken) =>
        db.ReviewDrafts.Where(d => d.ReviewCaseId == caseId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The draft as the page serialises it, to tell a changed form from one already kept.</summary>
    public static string Fingerprint(CaseDraft draft) => JsonSerializer.Serialize(draft, Json);

    private static CaseDraft? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CaseDraft>(json, Json);
        }
        catch (JsonException)
        {
            // A draft written by an older form that no longer reads: nothing to restore, nothing to fail the page over.
            return null;
        }
    }
}
