using System.Data.Common;
using System.Globalization;
using System.Text;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// The full-text index of content items' text, one per provider, with the bigrams of <see cref="SearchTerms"/>. Ingestion's items are
/// written to it behind the platform's call (<see cref="ContentSearchIndexer"/>); the review seeder, retention and the copy to
/// PostgreSQL write or erase their rows themselves:
/// <list type="bullet">
/// <item>SQLite: a contentless FTS5 table (<c>content=''</c>, so the text is not stored twice; <c>contentless_delete=1</c>, so a
/// changed or erased text's row can be deleted) whose rowid is the item's id; the unicode61 tokenizer reads the bigrams as
/// the space-separated words they are given as, and a search is FTS5 phrases.</item>
/// <item>PostgreSQL: a table of <c>tsvector</c>s built here with explicit positions (no text search configuration or parser
/// is involved, so the server's locale cannot change what is found) under a GIN index; a search is a <c>tsquery</c> of
/// phrases (<c>&lt;-&gt;</c>).</item>
/// </list>
/// Neither stores the text; both answer a phrase of bigrams from the index. The table is outside the EF model (a virtual
/// table on SQLite): the migrations create it with the SQL here.
/// </summary>
public static class ContentSearchIndex
{
    public const string Table = "ContentSearch";

    public const string SqliteCreate = """
        CREATE VIRTUAL TABLE "ContentSearch" USING fts5("Terms", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        """;

    public const string PostgreSqlCreate = """
        CREATE TABLE "ContentSearch" ("Id" bigint NOT NULL PRIMARY KEY, "Terms" tsvector NOT NULL);
        CREATE INDEX "IX_ContentSearch_Terms" ON "ContentSearch" USING gin ("Terms");
        """;

    public const string Drop = """DROP TABLE IF EXISTS "ContentSearch";""";

    /// <summary>The terms of a text as the provider stores them, or null when it has none (nothing is stored then).</summary>
    public static string? Terms(bool postgreSql, string? text) => postgreSql ? TsVector(text) : Fts5Terms(text);

    /// <summary>The bigrams separated by spaces, runs by the <see cref="SearchTerms.Gap"/>.</summary>
    private static string? Fts5Terms(string? text)
    {
        var terms = new StringBuilder(text?.Length * 3 ?? 0);
        var lastRun = 0;
        SearchTerms.EachBigram(text, (bigram, run) =>
        {
            if (terms.Length > 0) terms.Append(run == lastRun ? " " : $" {SearchTerms.Gap} ");
            terms.Append(bigram);
            lastRun = run;
        });
        return terms.Length == 0 ? null : terms.ToString();
    }

    /// <summary>
    /// A tsvector's text: each lexeme once, with all its positions. Positions run to 16,383; a run's successor starts one further on,
    /// so no phrase spans two runs.
    /// </summary>
    private static string? TsVector(string? text)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lexemes = positions.GetAlternateLookup<ReadOnlySpan<char>>();
        var (position, lastRun) = (1, 0);
        SearchTerms.EachBigram(text, (bigram, run) =>
        {
            position += run - lastRun;
            lastRun = run;
            if (!lexemes.TryGetValue(bigram, out var at)) lexemes[bigram] = at = [];
            at.Add(Math.Min(position++, 16383));
        });
        if (positions.Count == 0) return null;
        var vector = new StringBuilder();
        foreach (var (lexeme, at) in positions)
        {
            if (vector.Length > 0) vector.Append(' ');
            AppendQuoted(vector, lexeme).Append(':').Append(at[0]);
            for (var i = 1; i < at.Count; i++)
                if (at[i] != at[i - 1]) vector.Append(',').Append(at[i]); // only the last position repeats (16,383)
        }
        return vector.ToString();
    }

    /// <summary>The provider's query for the search's phrases (all must be found), or null when the search has none.</summary>
    public static string? Query(bool postgreSql, string? search)
    {
        var phrases = SearchTerms.ForSearch(search);
        if (phrases.Count == 0) return null;
        return postgreSql
            ? string.Join(" & ", phrases.Select(p => "(" + string.Join(" <-> ", p.Select(Quote)) + ")"))
            : string.Join(" AND ", phrases.Select(p => "\"" + string.Join(' ', p) + "\""));
    }

    private static string Quote(string lexeme) => AppendQuoted(new StringBuilder(lexeme.Length + 2), lexeme).ToString();

    private static StringBuilder AppendQuoted(StringBuilder to, string lexeme)
    {
        to.Append('\'');
        foreach (var c in lexeme)
        {
            if (c is '\\' or '\'') to.Append(c); // a backslash or a quote is doubled
            to.Append(c);
        }
        return to.Append('\'');
    }

    /// <summary>
    /// The ids of the cases whose item's text holds the search, newest item first, as a keyset page: items older than
    /// <paramref name="before"/>, or (<paramref name="ascending"/>) newer than <paramref name="after"/>, oldest first.
    /// The index is walked in item order and each hit looks up its case, so a page costs its rows, not every match.
    /// </summary>
    public static IQueryable<long> CasePage(AppDbContext db, string query, bool ascending, long bound, int take)
    {
        var postgreSql = !db.Database.IsSqlite();
        var (comparison, order) = ascending ? (">", "ASC") : ("<", "DESC");
#pragma warning disable EF1002
        return postgreSql
            ? db.Database.SqlQueryRaw<long>($"""
                SELECT c."Id" AS "Value" FROM "ContentSearch" AS s JOIN "ReviewCases" AS c ON c."ContentItemId" = s."Id"
                WHERE s."Terms" @@ {"{0}"}::tsquery AND s."Id" {comparison} {"{1}"} ORDER BY s."Id" {order} LIMIT {"{2}"}
                """, query, bound, take)
            : db.Database.SqlQueryRaw<long>($"""
                SELECT c."Id" AS "Value" FROM "ContentSearch" CROSS JOIN "ReviewCases" AS c ON c."ContentItemId" = "ContentSearch".rowid
                WHERE "ContentSearch" MATCH {"{0}"} AND "ContentSearch".rowid {comparison} {"{1}"} ORDER BY "ContentSearch".rowid {order} LIMIT {"{2}"}
                """, query, bound, take);
#pragma warning restore EF1002
    }

    /// <summary>How many cases' text holds the search, counting stops after <paramref name="limit"/>.</summary>
    public static IQueryable<long> CaseCount(AppDbContext db, string query, int limit) => db.Database.IsSqlite()
        ? db.Database.SqlQueryRaw<long>("""
            SELECT count(*) AS "Value" FROM (SELECT 1 FROM "ContentSearch" CROSS JOIN "ReviewCases" AS c ON c."ContentItemId" = "ContentSearch".rowid
            WHERE "ContentSearch" MATCH {0} LIMIT {1}) AS t
            """, query, limit)
        : db.Database.SqlQueryRaw<long>("""
            SELECT count(*) AS "Value" FROM (SELECT 1 FROM "ContentSearch" AS s JOIN "ReviewCases" AS c ON c."ContentItemId" = s."Id"
            WHERE s."Terms" @@ {0}::tsquery LIMIT {1}) AS t
            """, query, limit);

    /// <summary>Removes the items' rows (their text changed or was erased); ids are numbers, written into the statement.</summary>
    public static async Task DeleteAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0) return;
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        var ids = string.Join(", ", itemIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        delete.CommandText = connection is NpgsqlConnection
            ? $"""DELETE FROM "ContentSearch" WHERE "Id" IN ({ids})"""
            : $"""DELETE FROM "ContentSearch" WHERE rowid IN ({ids})""";
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Rebuilds the whole index from the items' text, in one transaction (after the migration that adds it to a database with content).</summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (connection, dbTransaction) = (db.Database.GetDbConnection(), transaction.GetDbTransaction());
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = dbTransaction;
            // What waited for the indexer is in the rebuild.
            clear.CommandText = $"""DELETE FROM "ContentSearch"; DELETE FROM "{PendingSearchItem.Table}";""";
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        var rows = new ContentSearchRows();
        for (long after = 0; ;)
        {
            var batch = await db.ContentItems.AsNoTracking().Where(i => i.Id > after && i.Excerpt != null).OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Excerpt }).Take(5_000).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var item in batch) rows.Add(item.Id, item.Excerpt);
            await rows.WriteAsync(connection, dbTransaction, cancellationToken);
            after = batch[^1].Id;
        }
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>
/// Rows for <see cref="ContentSearchIndex"/>, each an item's text, cut into terms on all cores when written (prepared inserts on
/// SQLite, one statement on PostgreSQL).
/// </summary>
public sealed class ContentSearchRows
{
    private readonly List<(long Id, string Text)> _rows = [];

    public int Count => _rows.Count;

    public void Add(long itemId, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text)) _rows.Add((itemId, text));
    }

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0) return;
        var postgreSql = connection is NpgsqlConnection;
        var terms = new string?[_rows.Count];
        // Cutting the terms is most of the CPU the rows cost, and the writer's turn is held meanwhile.
        Parallel.For(0, _rows.Count, i => terms[i] = ContentSearchIndex.Terms(postgreSql, _rows[i].Text));
        var ids = new List<long>(_rows.Count);
        var texts = new List<string>(_rows.Count);
        for (var i = 0; i < _rows.Count; i++)
        {
            if (terms[i] is not { } itemTerms) continue;
            ids.Add(_rows[i].Id);
            texts.Add(itemTerms);
        }
        _rows.Clear();
        if (ids.Count == 0) return;
        if (connection is NpgsqlConnection postgreSqlConnection) await InsertPostgreSqlAsync(postgreSqlConnection, transaction, ids, texts, cancellationToken);
        else
        {
            var table = new BulkTable(ContentSearchIndex.Table, "rowid", "Terms");
            for (var i = 0; i < ids.Count; i++) table.Add(ids[i], texts[i]);
            await table.WriteAsync(connection, transaction, cancellationToken);
        }
    }

    /// <summary>
    /// The terms go as text and the server makes each a <c>tsvector</c>: a binary COPY needs them built here, and Npgsql's
    /// <c>NpgsqlTsVector</c> sorts its lexemes with a culture's collation (ICU), which was half the CPU of a pass; the server
    /// sorts them by length and bytes, as its own format defines.
    /// </summary>
    private static async Task InsertPostgreSqlAsync(NpgsqlConnection connection, DbTransaction transaction, List<long> ids, List<string> terms,
        CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            $"""INSERT INTO "{ContentSearchIndex.Table}" ("Id", "Terms") SELECT u.id, u.terms::tsvector FROM unnest($1::bigint[], $2::text[]) AS u(id, terms)""",
            connection, (NpgsqlTransaction)transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = terms.ToArray() });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
