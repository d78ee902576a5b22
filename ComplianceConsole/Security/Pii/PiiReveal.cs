using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Security.Pii;

/// <summary>What a reveal found: how the audit names it, what it records beside the reason, and how the values are decrypted.</summary>
public sealed record PiiFound<T>(string TargetType, string TargetId, Func<string, object> Details, Func<PiiProtector, T> Decrypt);

/// <summary>
/// The one way a masked personal value is shown unmasked, for one view only: it needs the permission and a typed reason, and
/// records who looked at whose data and why before anything is decrypted. Each feature says only where its values are.
/// </summary>
public sealed class PiiReveal(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit, PiiProtector pii)
{
    public const int MinReasonLength = 4;
    public const int MaxReasonLength = 500;

    public async Task<Result<T>> RevealAsync<T>(string? reason, string notFoundKey, Func<AppDbContext, CancellationToken, Task<PiiFound<T>?>> find,
        CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(PiiPermissions.Reveal);
        var why = reason?.Trim() ?? "";
        if (why.Length < MinReasonLength) return Result.Refused("Reveal.ReasonRequired");
        if (why.Length > MaxReasonLength) return Result.Refused("Reveal.ReasonTooLong");

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await find(db, cancellationToken) is not { } found) return Result.Refused(notFoundKey);
        await audit.SaveWithAuditAsync(db, actor, AuditActions.PiiRevealed, found.TargetType, found.TargetId, found.Details(why), cancellationToken);
        return Result<T>.Ok(found.Decrypt(pii));
    }
}
