using System.Runtime.CompilerServices;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The staff audit log: every event of the period in chain order, with its action as people read it (and its code),
/// the actor, the target, the details and the event's hash, so a row can be matched against the chain. Events are never changed,
/// so a closed period's log is the same whenever it is exported.
/// </summary>
public sealed class StaffAuditLogSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public const string ActorFilter = "actor", StaffActors = "staff", SystemActors = "system";
    private const int PageSize = 2_000;

    public ExportKind Kind => ExportKind.StaffAuditLog;

    public string Article => "第七条、第二十一条 / Art. 7, 21";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Sequence", ExportCellType.Integer, 10),
        new("OccurredAt", ExportCellType.DateTime, 20),
        new("Actor", ExportCellType.Text, 28),
        new("Action", ExportCellType.Text, 28),
        new("ActionCode", ExportCellType.Code, 26),
        new("Target", ExportCellType.Text, 28),
        new("Details", ExportCellType.Text, 60),
        new("IpAddress", ExportCellType.Code, 16),
        new("EventHash", ExportCellType.Code, 66),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } =
    [
        new(ActorFilter, [new(StaffActors, "ExportFilter.actor.staff"), new(SystemActors, "ExportFilter.actor.system")]),
    ];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Query(db, request).LongCountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var actions = new Dictionary<string, string>();
        var targets = new Dictionary<string, string>();
        var after = 0L;
        while (true)
        {
            List<AuditLine> page;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var sequence = after;
                page = await Query(db, request).Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).Take(PageSize)
                    .Select(e => new AuditLine(e.Sequence, e.OccurredAtUtc, e.ActorName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress, e.Hash))
                    .ToListAsync(cancellationToken);
            }
            foreach (var e in page)
            {
                yield return
                [
                    e.Sequence, e.OccurredAtUtc, e.ActorName, Cached(actions, e.Action, $"AuditAction.{e.Action}"), e.Action,
                    Target(e, targets), e.Details, e.IpAddress, e.Hash,
                ];
            }
            if (page.Count < PageSize) yield break;
            after = page[^1].Sequence;
        }
    }

    private string Target(AuditLine e, Dictionary<string, string> targets)
    {
        if (e.TargetType is null) return e.TargetId ?? "";
        var kind = Cached(targets, e.TargetType, $"AuditTarget.{e.TargetType}");
        return e.TargetId is null ? kind : $"{kind} {e.TargetId}";
    }

    private string Cached(Dictionary<string, string> cache, string code, string key)
    {
        if (!cache.TryGetValue(code, out var label)) cache[code] = label = texts.BilingualOr(key, code);
        return label;
    }

    private static IQueryable<AuditEvent> Query(AppDbContext db, ExportRequest request)
    {
        var query = db.AuditEvents.AsNoTracking().Where(e => e.OccurredAtUtc >= request.FromUtc && e.OccurredAtUtc < request.ToUtc);
        return request.Filters.GetValueOrDefault(ActorFilter) switch
        {
            StaffActors => query.Where(e => e.ActorId != null && !e.ActorId.StartsWith(AuditActor.ApiKeyIdPrefix)),
            SystemActors => query.Where(e => e.ActorId == null || e.ActorId.StartsWith(AuditActor.ApiKeyIdPrefix)),
            _ => query,
        };
    }

    private sealed record AuditLine(long Sequence, DateTime OccurredAtUtc, string ActorName, string Action, string? TargetType, string? TargetId,
        string? Details, string? IpAddress, string Hash);
}
