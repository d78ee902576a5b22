using System.Data.Common;
using System.Diagnostics;
using ComplianceConsole.Data;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Gathers a batch's content items, their changes, cases, flags and case events, with the ids of new items, cases and flags
/// taken up front (<see cref="IdSequence"/>), and writes them table by table inside the caller's transaction when flushed,
/// as <see cref="PlatformUsers.PlatformUserWriter"/> does: ingestion runs at thousands of items a second, where a tracked
/// entity or a round trip per row would cost most of the time. Updates change stored rows: one of a row gathered in this
/// batch writes what is gathered first. The flags' <see cref="ReviewDayCounts"/> go with the context's next save.
/// </summary>
internal sealed class ReviewBatchWriter
{
    private const string ItemColumns = """
        "AuthorId" = $author, "MediaType" = $media, "Category" = $category, "Excerpt" = $excerpt, "MediaUrl" = $url, "ContentHash" = $hash,
        "DeclaredAiGenerated" = $declared, "ExplicitLabel" = $explicit, "ImplicitLabel" = $implicit, "AigcLabel" = $aigc,
        "ContentProducer" = $producer, "ProduceId" = $produceId, "ContentPropagator" = $propagator, "PropagateId" = $propagateId,
        "ReservedCode1" = $reserved1, "ReservedCode2" = $reserved2, "PublishedAtUtc" = $published, "UpdatedAtUtc" = $updated, "Version" = $version
        """;

    private static readonly string[] ItemParameters =
        ["$author", "$media", "$category", "$excerpt", "$url", "$hash", "$declared", "$explicit", "$implicit", "$aigc", "$producer", "$produceId",
         "$propagator", "$propagateId", "$reserved1", "$reserved2", "$published", "$updated", "$version"];

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IdSequence _itemIds, _caseIds, _flagIds;
    private readonly DayCountChanges _counts;
    private readonly HashSet<long> _gatheredItems = [];
    private readonly BulkTable _items = new("ContentItems", "Id", "ExternalId", "ReceivedAtUtc", "AuthorId", "MediaType", "Category", "Excerpt", "MediaUrl",
        "ContentHash", "DeclaredAiGenerated", "ExplicitLabel", "ImplicitLabel", "AigcLabel", "ContentProducer", "ProduceId", "ContentPropagator", "PropagateId",
        "ReservedCode1", "ReservedCode2", "PublishedAtUtc", "UpdatedAtUtc", "Version");
    private readonly BulkTable _changes = new("ContentItemChanges", "ContentItemId", "AtUtc", "Actor", "ChangesJson");
    private readonly BulkTable _cases = new("ReviewCases", "Id", "ContentItemId", "AuthorId", "State", "OpenedAtUtc", "DueAtUtc", "Priority", "QueueOrder",
        "FlagCount", "SourceMask", "MediaType", "Category", "LabelStatus", "Version");
    private readonly BulkTable _flags = new("Flags", "Id", "ReviewCaseId", "ContentItemId", "Source", "ReasonCode", "ReasonText", "FeatureRuleId", "MatchedText",
        "ComplainantContactCipher", "ExternalId", "RaisedBy", "ReceivedAtUtc", "DueAtUtc", "HashBankId", "HashBankEntryId", "MatchDistance", "LinkedReviewCaseId");
    private readonly BulkTable _hashes = new("ContentPerceptualHashes", "ContentItemId", "Hash", "Quality", "Origin", "FrameAtMs");
    private readonly BulkTable _events = new("ReviewCaseEvents", "ReviewCaseId", "AtUtc", "Kind", "ActorId", "ActorName", "Detail");
    private readonly BulkTable _readings = new("ContentFileReadings", "ContentItemId", "ReadAtUtc", "Origin", "Outcome", "FileType", "ByteCount", "Sha256",
        "LabelsJson", "FindingsJson", "ProblemKey", "ProblemArgumentsJson");
    private readonly BulkTable _pendingReads = new("PendingMediaReads", "ContentItemId", "QueuedAtUtc", "Attempts", "NotBeforeUtc");

    /// <summary>Items whose text waits for the search index (<see cref="ContentSearchIndexer"/>, which writes it behind the batch).</summary>
    private readonly BulkTable _searchQueue = new(PendingSearchItem.Table, "ContentItemId", "QueuedAtUtc", "Replaces");

    private ReviewBatchWriter(DbConnection connection, DbTransaction transaction, DayCountChanges counts)
    {
        (_connection, _transaction, _counts) = (connection, transaction, counts);
        (_itemIds, _caseIds, _flagIds) = (new(connection, transaction, _items.Name), new(connection, transaction, _cases.Name), new(connection, transaction, _flags.Name));
    }

    public static ReviewBatchWriter Create(AppDbContext db)
    {
        var (connection, transaction) = PreparedCommands.InTransactionOf(db);
        return new ReviewBatchWriter(connection, transaction, db.DayCountChanges);
    }

    /// <summary>How many new items, cases and flags the batch is about to gather, so their ids are taken in one round trip each.</summary>
    public void ExpectNew(int items = 0, int cases = 0, int flags = 0)
    {
        _itemIds.Expect(items);
        _caseIds.Expect(cases);
        _flagIds.Expect(flags);
    }

    public async Task<long> InsertItemAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var id = await _itemIds.NextAsync(cancellationToken);
        _items.Add([id, item.ExternalId, item.ReceivedAtUtc, .. ItemValues(item)]);
        QueueForSearch(id, item, replaces: false);
        _gatheredItems.Add(id);
        return id;
    }

    public async Task UpdateItemAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (_gatheredItems.Contains(item.Id)) await FlushAsync(cancellationToken);
        await UpdateAsync($"""UPDATE "ContentItems" SET {ItemColumns} WHERE "Id" = $id""", [.. ItemParameters, "$id"], [.. ItemValues(item), item.Id], cancellationToken);
        // The text may have changed: its old terms go now (one index seek; a change is rare beside a new item), so a search never finds
        // an item by words it no longer has; the new ones follow with the indexer.
        await ContentSearchIndex.DeleteAsync(_connection, _transaction, [item.Id], cancellationToken);
        QueueForSearch(item.Id, item, replaces: true);
    }

    /// <summary>Whether any item of the batch waits for the search index.</summary>
    public bool QueuedForSearch { get; private set; }

    private void QueueForSearch(long id, ContentItem item, bool replaces)
    {
        if (string.IsNullOrWhiteSpace(item.Excerpt)) return;
        _searchQueue.Add(id, item.UpdatedAtUtc, replaces);
        QueuedForSearch = true;
    }

    public void InsertChange(ContentItemChange change) => _changes.Add(change.ContentItemId, change.AtUtc, change.Actor, change.ChangesJson);

    public async Task<long> InsertCaseAsync(ReviewCase c, CancellationToken cancellationToken)
    {
        var id = await _caseIds.NextAsync(cancellationToken);
        _cases.Add(id, c.ContentItemId, c.AuthorId, (int)c.State, c.OpenedAtUtc, c.DueAtUtc, c.Priority, c.QueueOrder, c.FlagCount, c.SourceMask,
            (int)c.MediaType, (int)c.Category, (int)c.LabelStatus, 0);
        return id;
    }

    /// <summary>Updates a stored case (a case is gathered only for an item that has none, so it is never one gathered here).</summary>
    public Task UpdateCaseAsync(ReviewCase c, CancellationToken cancellationToken) =>
        UpdateAsync("""
            UPDATE "ReviewCases" SET "AuthorId" = $author, "State" = $state, "OpenedAtUtc" = $opened, "DueAtUtc" = $due, "Priority" = $priority,
                "QueueOrder" = $order, "FlagCount" = $flags, "SourceMask" = $sources, "MediaType" = $media, "Category" = $category,
                "LabelStatus" = $label, "Version" = "Version" + 1
            WHERE "Id" = $id
            """, ["$author", "$state", "$opened", "$due", "$priority", "$order", "$flags", "$sources", "$media", "$category", "$label", "$id"],
            [c.AuthorId, (int)c.State, c.OpenedAtUtc, c.DueAtUtc, c.Priority, c.QueueOrder, c.FlagCount, c.SourceMask, (int)c.MediaType, (int)c.Category,
             (int)c.LabelStatus, c.Id], cancellationToken);

    public async Task<long> InsertFlagAsync(Flag f, CancellationToken cancellationToken)
    {
        var id = await _flagIds.NextAsync(cancellationToken);
        _flags.Add(id, f.ReviewCaseId, f.ContentItemId, (int)f.Source, f.ReasonCode, f.ReasonText, f.FeatureRuleId, f.MatchedText, f.ComplainantContactCipher,
            f.ExternalId, f.RaisedBy, f.ReceivedAtUtc, f.DueAtUtc, f.HashBankId, f.HashBankEntryId, f.MatchDistance, f.LinkedReviewCaseId);
        ReviewDayCounts.Received(_counts, f.Source, f.ReceivedAtUtc);
        return id;
    }

    /// <summary>The item's perceptual hashes of this origin, replacing any it had (the item must be written or gathered first).</summary>
    public async Task ReplaceHashesAsync(long contentItemId, PerceptualHashOrigin origin, IReadOnlyList<ContentPerceptualHash> hashes, bool stored,
        CancellationToken cancellationToken)
    {
        if (stored)
        {
            if (_hashes.Count > 0) await FlushAsync(cancellationToken);
            await UpdateAsync("""DELETE FROM "ContentPerceptualHashes" WHERE "ContentItemId" = $item AND "Origin" = $origin""", ["$item", "$origin"],
                [contentItemId, (int)origin], cancellationToken);
        }
        foreach (var h in hashes) _hashes.Add(contentItemId, h.Hash, h.Quality, (int)origin, h.FrameAtMs);
    }

    public void InsertReading(Labels.ContentFileReading r) => _readings.Add(r.ContentItemId, r.ReadAtUtc, (int)r.Origin, (int)r.Outcome, r.FileType,
        r.ByteCount, r.Sha256, r.LabelsJson, r.FindingsJson, r.ProblemKey, r.ProblemArgumentsJson);

    /// <summary>Queues the item's media to be fetched and read (the item must not be queued already).</summary>
    public void QueueMediaRead(long contentItemId, DateTime nowUtc) => _pendingReads.Add(contentItemId, nowUtc, 0, nowUtc);

    /// <summary>
    /// The queued read of a changed item is due now, as a first try: its failed fetches were of what it was (another address,
    /// perhaps), and waiting out their backoff would leave what it is now unread for hours.
    /// </summary>
    public Task RequeueMediaReadAsync(long contentItemId, DateTime nowUtc, CancellationToken cancellationToken) =>
        UpdateAsync("""UPDATE "PendingMediaReads" SET "Attempts" = 0, "NotBeforeUtc" = $now WHERE "ContentItemId" = $item""", ["$item", "$now"],
            [contentItemId, nowUtc], cancellationToken);

    public void InsertEvent(ReviewCaseEvent e) => _events.Add(e.ReviewCaseId, e.AtUtc, (int)e.Kind, e.ActorId, e.ActorName, e.Detail);

    /// <summary>Writes everything gathered so far, parents first.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { _items, _changes, _hashes, _readings, _pendingReads, _searchQueue, _cases, _flags, _events })
        {
            if (table.Count == 0) continue;
            var startedAt = Stopwatch.GetTimestamp();
            await table.WriteAsync(_connection, _transaction, cancellationToken);
            IngestionMetrics.TableWritten(table.Name, startedAt);
        }
        _gatheredItems.Clear();
    }

    private async Task UpdateAsync(string sql, string[] parameters, object?[] values, CancellationToken cancellationToken)
    {
        await using var update = PreparedCommands.Prepare(_connection, _transaction, sql, parameters);
        await PreparedCommands.ExecuteAsync(update, cancellationToken, values);
    }

    private static object?[] ItemValues(ContentItem i) =>
    [
        i.AuthorId, (int)i.MediaType, (int)i.Category, i.Excerpt, i.MediaUrl, i.ContentHash, i.DeclaredAiGenerated, (int)i.ExplicitLabel,
        (int)i.ImplicitLabel, (int?)i.AigcLabel, i.ContentProducer, i.ProduceId, i.ContentPropagator, i.PropagateId, i.ReservedCode1, i.ReservedCode2,
        i.PublishedAtUtc, i.UpdatedAtUtc, i.Version,
    ];
}
