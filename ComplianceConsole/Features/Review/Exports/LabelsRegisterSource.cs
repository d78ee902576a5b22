using System.Runtime.CompilerServices;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>What happened to an item that the labels register lists: first received, or re-sent with changed labels.</summary>
public enum LabelEvent { Received, Changed }

/// <summary>
/// Art. 16-18: the labels of synthesised content as the platform sent them. A row for each item first received in the period and
/// for each re-send in the period that changed its labels: the declaration, the explicit and implicit label states and the GB 45438
/// <c>AIGC</c> fields as they were after that event (<see cref="LabelSnapshot"/>), never the item's state of today. In order of time.
/// </summary>
public sealed class LabelsRegisterSource(IDbContextFactory<AppDbContext> contextFactory, ExportTexts texts) : IExportSource
{
    public const string EventFilter = "labelEvent", ExplicitFilter = "explicitLabel";

    public ExportKind Kind => ExportKind.Labels;

    public string Article => "第十六、十七、十八条 / Art. 16, 17, 18";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("Label.At", ExportCellType.DateTime, 20),
        new("Label.Event", ExportCellType.Text, 14),
        new("Review.ContentId", ExportCellType.Code, 28),
        new("Label.SentBy", ExportCellType.Text, 20),
        new("Label.ChangedFields", ExportCellType.Code, 30),
        new("Label.Declared", ExportCellType.Text, 10),
        new("Review.ExplicitLabel", ExportCellType.Text, 14),
        new("Review.ImplicitLabel", ExportCellType.Text, 14),
        new("Aigc.Label", ExportCellType.Text, 18),
        new("Aigc.ContentProducer", ExportCellType.Code, 24),
        new("Aigc.ProduceId", ExportCellType.Code, 24),
        new("Aigc.ContentPropagator", ExportCellType.Code, 24),
        new("Aigc.PropagateId", ExportCellType.Code, 24),
        new("Aigc.ReservedCode1", ExportCellType.Code, 16),
        new("Aigc.ReservedCode2", ExportCellType.Code, 16),
    ];

    public IReadOnlyList<ExportFilter> Filters { get; } =
        [ExportFilters.Of<LabelEvent>(EventFilter, "LabelEvent"), ExportFilters.Of<LabelStatus>(ExplicitFilter, "LabelStatus")];

    public async Task<long> CountAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var only = ExportFilters.Value<LabelEvent>(request, EventFilter);
        var received = only is LabelEvent.Changed ? 0 : await Received(db, request, request.FromUtc).LongCountAsync(cancellationToken);
        var changed = only is LabelEvent.Received ? 0 : await Changed(db, request, request.FromUtc).LongCountAsync(cancellationToken);
        return received + changed;
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var only = ExportFilters.Value<LabelEvent>(request, EventFilter);
        var received = only is LabelEvent.Changed ? AsyncEnumerable.Empty<EventKey>() : ExportPaging.RecordsAsync((cursor, ct) => ReceivedPageAsync(request, cursor, ct), e => e.Cursor, cancellationToken);
        var changed = only is LabelEvent.Received ? AsyncEnumerable.Empty<EventKey>() : ExportPaging.RecordsAsync((cursor, ct) => ChangedPageAsync(request, cursor, ct), e => e.Cursor, cancellationToken);
        var explicitLabel = ExportFilters.Value<LabelStatus>(request, ExplicitFilter);
        // Looked up once: an export of every item received in a month names the same few values a million times.
        var words = new Words(Enum.GetValues<LabelEvent>().ToDictionary(e => e, e => texts.Code(e, "LabelEvent")),
            Enum.GetValues<LabelStatus>().ToDictionary(s => s, s => texts.Code(s, "LabelStatus")),
            Enum.GetValues<AigcLabel>().ToDictionary(a => a, a => texts.Code(a, "AigcLabel")), texts.Bilingual("Common.Yes"), texts.Bilingual("Common.No"));
        await foreach (var chunk in InTimeOrder(received, changed, cancellationToken).Chunk(ExportPaging.PageSize).WithCancellation(cancellationToken))
        {
            foreach (var row in await RowsAsync(chunk, cancellationToken))
            {
                if (explicitLabel is null || row.State.Explicit == explicitLabel) yield return Cells(row, words);
            }
        }
    }

    /// <summary>One event: the item first received (<see cref="ChangeId"/> null) or one recorded change.</summary>
    private sealed record EventKey(DateTime AtUtc, long ItemId, long? ChangeId)
    {
        public ExportCursor Cursor => new(AtUtc, ChangeId ?? ItemId);
        public (DateTime, int, long) Order => (AtUtc, ChangeId is null ? 0 : 1, ChangeId ?? ItemId);
    }

    private sealed record Words(Dictionary<LabelEvent, string> Events, Dictionary<LabelStatus, string> Statuses, Dictionary<AigcLabel, string> Aigc,
        string Yes, string No);

    private sealed record LabelRow(EventKey Event, string ContentId, string? SentBy, IReadOnlyList<string> Touched, LabelSnapshot State);

    private static IQueryable<ContentItem> Received(AppDbContext db, ExportRequest request, DateTime from) =>
        db.ContentItems.AsNoTracking().Where(i => i.ReceivedAtUtc >= from && i.ReceivedAtUtc < request.ToUtc);

    private static IQueryable<ContentItemChange> Changed(AppDbContext db, ExportRequest request, DateTime from) =>
        db.ContentItemChanges.AsNoTracking().Where(c => c.AtUtc >= from && c.AtUtc < request.ToUtc);

    private async Task<IReadOnlyList<EventKey>> ReceivedPageAsync(ExportRequest request, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = Received(db, request, ExportPaging.Start(request, cursor));
        if (cursor is not null) items = items.Where(i => i.ReceivedAtUtc > cursor.At || i.Id > cursor.Id);
        return await items.OrderBy(i => i.ReceivedAtUtc).ThenBy(i => i.Id).Take(ExportPaging.PageSize)
            .Select(i => new EventKey(i.ReceivedAtUtc, i.Id, null)).ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<EventKey>> ChangedPageAsync(ExportRequest request, ExportCursor? cursor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var changes = Changed(db, request, ExportPaging.Start(request, cursor));
        if (cursor is not null) changes = changes.Where(c => c.AtUtc > cursor.At || c.Id > cursor.Id);
        return await changes.OrderBy(c => c.AtUtc).ThenBy(c => c.Id).Take(ExportPaging.PageSize)
            .Select(c => new EventKey(c.AtUtc, c.ContentItemId, c.Id)).ToListAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<EventKey> InTimeOrder(IAsyncEnumerable<EventKey> first, IAsyncEnumerable<EventKey> second,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var a = first.GetAsyncEnumerator(cancellationToken);
        await using var b = second.GetAsyncEnumerator(cancellationToken);
        var (hasA, hasB) = (await a.MoveNextAsync(), await b.MoveNextAsync());
        while (hasA || hasB)
        {
            if (hasA && (!hasB || a.Current.Order.CompareTo(b.Current.Order) <= 0))
            {
                yield return a.Current;
                hasA = await a.MoveNextAsync();
            }
            else
            {
                yield return b.Current;
                hasB = await b.MoveNextAsync();
            }
        }
    }

    /// <summary>Each event's label state: the item as it is now with every change after the event undone. Changes that left the labels alone give no row.</summary>
    private async Task<List<LabelRow>> RowsAsync(EventKey[] events, CancellationToken cancellationToken)
    {
        var itemIds = events.Select(e => e.ItemId).Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.ContentItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var changes = (await db.ContentItemChanges.AsNoTracking().Where(c => itemIds.Contains(c.ContentItemId)).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).ToLookup(c => c.ContentItemId);
        var rows = new List<LabelRow>(events.Length);
        foreach (var e in events)
        {
            var item = items[e.ItemId];
            var state = LabelSnapshot.Of(item);
            IReadOnlyList<string> touched = [];
            foreach (var change in changes[e.ItemId])
            {
                using var json = JsonDocument.Parse(change.ChangesJson);
                if (change.Id == e.ChangeId)
                {
                    touched = LabelSnapshot.Touched(json.RootElement);
                    break;
                }
                state = state.Before(json.RootElement);
            }
            if (e.ChangeId is null || touched.Count > 0)
            {
                rows.Add(new LabelRow(e, item.ExternalId, e.ChangeId is null ? null : changes[e.ItemId].First(c => c.Id == e.ChangeId).Actor, touched, state));
            }
        }
        return rows;
    }

    private static object?[] Cells(LabelRow row, Words words) =>
    [
        row.Event.AtUtc, words.Events[row.Event.ChangeId is null ? LabelEvent.Received : LabelEvent.Changed], row.ContentId, row.SentBy,
        ExportPaging.Blank(string.Join(", ", row.Touched)), row.State.Declared ? words.Yes : words.No,
        words.Statuses[row.State.Explicit], words.Statuses[row.State.Implicit], row.State.Aigc is { } aigc ? words.Aigc[aigc] : null, row.State.ContentProducer, row.State.ProduceId, row.State.ContentPropagator,
        row.State.PropagateId, row.State.ReservedCode1, row.State.ReservedCode2,
    ];
}
