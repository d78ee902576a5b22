using System.Data.Common;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Writes a batch of content items, their changes, flags, cases and case events with one prepared command per
/// statement, re-bound for each row, inside the caller's transaction (as <c>VerificationBatchWriter</c> does):
/// ingestion runs at thousands of items a second, where a tracked entity per row would cost most of the time.
/// </summary>
internal sealed class ReviewBatchWriter : IAsyncDisposable
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

    private readonly DbCommand[] _commands;
    private readonly DbCommand _insertItem, _updateItem, _insertChange, _insertCase, _updateCase, _insertFlag, _insertEvent;

    private ReviewBatchWriter(DbConnection connection, DbTransaction transaction)
    {
        DbCommand Command(string sql, params string[] parameters) => PreparedCommands.Prepare(connection, transaction, sql, parameters);
        _insertItem = Command($"""
            INSERT INTO "ContentItems" ("ExternalId", "ReceivedAtUtc", "AuthorId", "MediaType", "Category", "Excerpt", "MediaUrl", "ContentHash",
                "DeclaredAiGenerated", "ExplicitLabel", "ImplicitLabel", "AigcLabel", "ContentProducer", "ProduceId", "ContentPropagator", "PropagateId",
                "ReservedCode1", "ReservedCode2", "PublishedAtUtc", "UpdatedAtUtc", "Version")
            VALUES ($external, $received, {string.Join(", ", ItemParameters)}) RETURNING "Id"
            """, ["$external", "$received", .. ItemParameters]);
        _updateItem = Command($"""UPDATE "ContentItems" SET {ItemColumns} WHERE "Id" = $id""", [.. ItemParameters, "$id"]);
        _insertChange = Command("""INSERT INTO "ContentItemChanges" ("ContentItemId", "AtUtc", "Actor", "ChangesJson") VALUES ($item, $at, $actor, $changes)""",
            "$item", "$at", "$actor", "$changes");
        _insertCase = Command("""
            INSERT INTO "ReviewCases" ("ContentItemId", "AuthorId", "State", "OpenedAtUtc", "DueAtUtc", "Priority", "QueueOrder", "FlagCount", "SourceMask",
                "MediaType", "Category", "LabelStatus", "Version")
            VALUES ($item, $author, $state, $opened, $due, $priority, $order, $flags, $sources, $media, $category, $label, 0) RETURNING "Id"
            """, "$item", "$author", "$state", "$opened", "$due", "$priority", "$order", "$flags", "$sources", "$media", "$category", "$label");
        _updateCase = Command("""
            UPDATE "ReviewCases" SET "AuthorId" = $author, "State" = $state, "OpenedAtUtc" = $opened, "DueAtUtc" = $due, "Priority" = $priority,
                "QueueOrder" = $order, "FlagCount" = $flags, "SourceMask" = $sources, "MediaType" = $media, "Category" = $category,
                "LabelStatus" = $label, "Version" = "Version" + 1
            WHERE "Id" = $id
            """, "$author", "$state", "$opened", "$due", "$priority", "$order", "$flags", "$sources", "$media", "$category", "$label", "$id");
        _insertFlag = Command("""
            INSERT INTO "Flags" ("ReviewCaseId", "ContentItemId", "Source", "ReasonCode", "ReasonText", "FeatureRuleId", "MatchedText",
                "ComplainantContactCipher", "ExternalId", "RaisedBy", "ReceivedAtUtc", "DueAtUtc")
            VALUES ($case, $item, $source, $code, $text, $rule, $matched, $contact, $external, $by, $received, $due) RETURNING "Id"
            """, "$case", "$item", "$source", "$code", "$text", "$rule", "$matched", "$contact", "$external", "$by", "$received", "$due");
        _insertEvent = Command("""
            INSERT INTO "ReviewCaseEvents" ("ReviewCaseId", "AtUtc", "Kind", "ActorId", "ActorName", "Detail") VALUES ($case, $at, $kind, $actorId, $actor, $detail)
            """, "$case", "$at", "$kind", "$actorId", "$actor", "$detail");
        _commands = [_insertItem, _updateItem, _insertChange, _insertCase, _updateCase, _insertFlag, _insertEvent];
    }

    public static ReviewBatchWriter Create(AppDbContext db)
    {
        var (connection, transaction) = PreparedCommands.InTransactionOf(db);
        return new ReviewBatchWriter(connection, transaction);
    }

    public async Task<long> InsertItemAsync(ContentItem item, CancellationToken cancellationToken) =>
        (long)(await PreparedCommands.ExecuteAsync(_insertItem, cancellationToken, [item.ExternalId, item.ReceivedAtUtc, .. ItemValues(item)]))!;

    public Task UpdateItemAsync(ContentItem item, CancellationToken cancellationToken) =>
        PreparedCommands.ExecuteAsync(_updateItem, cancellationToken, [.. ItemValues(item), item.Id]);

    public Task InsertChangeAsync(ContentItemChange change, CancellationToken cancellationToken) =>
        PreparedCommands.ExecuteAsync(_insertChange, cancellationToken, change.ContentItemId, change.AtUtc, change.Actor, change.ChangesJson);

    public async Task<long> InsertCaseAsync(ReviewCase c, CancellationToken cancellationToken) =>
        (long)(await PreparedCommands.ExecuteAsync(_insertCase, cancellationToken, c.ContentItemId, c.AuthorId, (int)c.State, c.OpenedAtUtc, c.DueAtUtc, c.Priority, c.QueueOrder,
            c.FlagCount, c.SourceMask, (int)c.MediaType, (int)c.Category, (int)c.LabelStatus))!;

    public Task UpdateCaseAsync(ReviewCase c, CancellationToken cancellationToken) =>
        PreparedCommands.ExecuteAsync(_updateCase, cancellationToken, c.AuthorId, (int)c.State, c.OpenedAtUtc, c.DueAtUtc, c.Priority, c.QueueOrder, c.FlagCount, c.SourceMask,
            (int)c.MediaType, (int)c.Category, (int)c.LabelStatus, c.Id);

    public async Task<long> InsertFlagAsync(Flag f, CancellationToken cancellationToken) =>
        (long)(await PreparedCommands.ExecuteAsync(_insertFlag, cancellationToken, f.ReviewCaseId, f.ContentItemId, (int)f.Source, f.ReasonCode, f.ReasonText, f.FeatureRuleId,
            f.MatchedText, f.ComplainantContactCipher, f.ExternalId, f.RaisedBy, f.ReceivedAtUtc, f.DueAtUtc))!;

    public Task InsertEventAsync(ReviewCaseEvent e, CancellationToken cancellationToken) =>
        PreparedCommands.ExecuteAsync(_insertEvent, cancellationToken, e.ReviewCaseId, e.AtUtc, (int)e.Kind, e.ActorId, e.ActorName, e.Detail);

    private static object?[] ItemValues(ContentItem i) =>
    [
        i.AuthorId, (int)i.MediaType, (int)i.Category, i.Excerpt, i.MediaUrl, i.ContentHash, i.DeclaredAiGenerated, (int)i.ExplicitLabel,
        (int)i.ImplicitLabel, (int?)i.AigcLabel, i.ContentProducer, i.ProduceId, i.ContentPropagator, i.PropagateId, i.ReservedCode1, i.ReservedCode2,
        i.PublishedAtUtc, i.UpdatedAtUtc, i.Version,
    ];


    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands) await command.DisposeAsync();
    }
}
