using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Content ingestion through the HTTP API with the feature library applied (<see cref="SyntheticFeatureLibrary"/> unless the
/// database already holds a library), in batches of 1,000, by one client and by several at once; beside it, as the
/// yardstick, raw SQLite inserts of rows of the same width into the content table (same indexes), prepared, 1,000 a
/// transaction, rolled back. Seeds content items with their flags and cases first (<see cref="ReviewDemoSeeder"/>) until the
/// database holds <paramref name="stored"/>: ingestion is measured where a platform's database will be, not on an empty one.
/// With <paramref name="withHashes"/> each item carries a PDQ hash, one in a hundred near a hash of the enabled banks (see <see cref="HashBankBenchmark"/>).
/// </summary>
public sealed class ContentIngestionBenchmark(WebApplication app, int items, int clients, int stored, bool withHashes)
{
    private const int Batch = ContentRules.BatchSize;

    public async Task RunAsync(TextWriter output)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var synthetic = new SyntheticContent(Environment.TickCount);
        await SyntheticFeatureLibrary.EnsureAsync(contexts, synthetic);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var existing = await db.ContentItems.CountAsync();
            if (existing < stored)
            {
                output.WriteLine($"The database has {existing:N0} content items; seeding {stored - existing:N0} more with their flags and cases…");
                await app.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(stored - existing, seed: existing + 1);
            }
            var (contentItems, cases, flags) = (await db.ContentItems.CountAsync(), await db.ReviewCases.CountAsync(), await db.Flags.CountAsync());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Already stored: {contentItems:N0} content items, {cases:N0} cases, {flags:N0} flags."));
            var rules = await db.FeatureRules.Where(r => r.Enabled).GroupBy(r => r.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            output.WriteLine($"Feature library: {rules.GetValueOrDefault(FeatureRuleKind.Keyword):N0} keywords, {rules.GetValueOrDefault(FeatureRuleKind.Pattern):N0} patterns, {rules.GetValueOrDefault(FeatureRuleKind.ContentHash):N0} hashes enabled.");
        }

        var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var rounds = new[] { 1, clients }.Distinct().ToList();
        var batches = rounds.ToDictionary(c => c, c => Batches(synthetic, $"bench{run}-c{c}"));

        output.WriteLine(BenchmarkHost.LoadAverage("before"));
        var raw = await RawInsertsPerSecondAsync(contexts, batches[rounds[0]]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Raw {app.Services.GetRequiredService<DatabaseSettings>().Provider} inserts into the content table (same width, same indexes, prepared, {Batch:N0} a transaction): {raw:N0} rows/s."));

        await using var scope = app.Services.CreateAsyncScope();
        await BenchmarkHost.SignInAsync(scope.ServiceProvider);
        var client = await BenchmarkHost.ServeAsync(app);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, await BenchmarkHost.ApiKeyAsync(scope.ServiceProvider, ReviewPermissions.SubmitContent));
        var banked = withHashes ? await BankedHashesAsync(contexts) : [];
        if (withHashes) output.WriteLine($"Each item carries a PDQ hash; the enabled banks hold {await EnabledBankHashesAsync(contexts):N0}, and one item in a hundred is near one of the first {banked.Count:N0}.");
        var hashes = new Random(20261206);
        byte[] Body(List<ContentSubmission> batch) => Serialise(withHashes ? batch.Select(s => s with { PerceptualHashes = [Hash(hashes, banked)] }).ToList() : batch);
        // JIT, connections, the library's first compile: measured is a server that has been running, not one just started.
        var (warmRounds, compiled) = await BenchmarkHost.WarmUpAsync(
            b => BenchmarkHost.PostAsync(client, Path, Body(Batches(synthetic, $"warm{run}-{b}", 1)[0]), FlagsRaised), clients, maxRounds: 150);
        output.WriteLine($"Warm-up: {warmRounds * clients:N0} batches until the JIT settled ({compiled:N0} methods compiled meanwhile).");

        var indexer = app.Services.GetRequiredService<ContentSearchIndexer>();
        foreach (var concurrent in rounds)
        {
            await IndexedAsync(indexer); // the round before is searchable before this one starts
            var bodies = batches[concurrent].Select(Body).ToList();
            var count = batches[concurrent].Count * Batch;
            var gc = GcTally.Now(); // the server's and the clients' collections: one process
            using var phases = new IngestionPhaseTally();
            var (rate, flags) = await ApiItemsPerSecondAsync(client, bodies, concurrent);
            var collected = gc.Since(count, "item");
            var perBatch = phases.Summary(Batch);
            var waiting = (await indexer.LagAsync()).Waiting;
            var catchUp = await IndexedAsync(indexer);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"API ingestion over HTTP ({count:N0} new items, batches of {Batch:N0}, {concurrent} client{(concurrent == 1 ? "" : "s")} at once, {flags:N0} flags raised): {rate:N0} items/s, {WriteBenchmark.Ratio(rate, raw)} to raw inserts."));
            output.WriteLine("  " + collected);
            output.WriteLine("  " + perBatch);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Search index behind it: {waiting.Value:N0}{(waiting.AtLeast ? "+" : "")} items waiting when the last batch was answered, all searchable {catchUp.TotalMilliseconds:N0} ms later; received and searchable: {count / (count / rate + catchUp.TotalSeconds):N0} items/s."));
        }
        output.WriteLine(BenchmarkHost.LoadAverage("after"));
        await app.StopAsync();
    }

    private List<List<ContentSubmission>> Batches(SyntheticContent synthetic, string prefix, int count = -1) =>
        Enumerable.Range(0, count > 0 ? count : Math.Max(1, items / Batch)).Select(b => Enumerable.Range(0, Batch)
            .Select(i => synthetic.Item($"{prefix}-{b}-{i}", $"{prefix}-author-{synthetic.Random.Next(items / 20 + 1)}", DateTime.UtcNow.AddMinutes(-i)))
            .ToList()).ToList();

    /// <summary>The same rows the API will store, inserted raw and rolled back: the yardstick leaves nothing behind.</summary>
    private static async Task<double> RawInsertsPerSecondAsync(IDbContextFactory<AppDbContext> contexts, List<List<ContentSubmission>> batches)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync(); // with the app's own connection settings (SQLite's pragmas)
        var connection = db.Database.GetDbConnection();
        long userId;
        await using (var setUp = await connection.BeginTransactionAsync())
        await using (var user = PreparedCommands.Prepare(connection, setUp, """
            INSERT INTO "PlatformUsers" ("ExternalId", "DisplayName", "Kind", "CreatedAtUtc") VALUES ($e, '', 1, $c)
            ON CONFLICT ("ExternalId") DO UPDATE SET "Kind" = 1 RETURNING "Id"
            """, "$e", "$c"))
        {
            userId = Convert.ToInt64(await PreparedCommands.ExecuteAsync(user, CancellationToken.None, "benchmark-raw-author", DateTime.UtcNow));
            await setUp.CommitAsync();
        }
        var columns = new[] { "ExternalId", "AuthorId", "MediaType", "Category", "Excerpt", "MediaUrl", "ContentHash", "DeclaredAiGenerated", "ExplicitLabel",
            "ImplicitLabel", "AigcLabel", "ContentProducer", "ProduceId", "ContentPropagator", "PropagateId", "ReservedCode1", "ReservedCode2", "PublishedAtUtc",
            "ReceivedAtUtc", "UpdatedAtUtc", "Version" };
        var parameters = columns.Select((_, i) => $"$p{i}").ToArray();
        var stopwatch = new Stopwatch();
        foreach (var batch in batches)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = PreparedCommands.Prepare(connection, transaction,
                $"""INSERT INTO "ContentItems" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", parameters)}) RETURNING "Id" """,
                parameters);
            stopwatch.Start();
            foreach (var s in batch)
            {
                var now = DateTime.UtcNow;
                await PreparedCommands.ExecuteAsync(insert, CancellationToken.None,
                    "raw-" + s.ExternalId, userId, (int)s.MediaType!, (int)s.Category!, s.Excerpt, s.MediaUrl, s.ContentHash, s.DeclaredAiGenerated,
                    (int)s.ExplicitLabelStatus!, (int)s.ImplicitLabelStatus!, s.ImplicitLabel?.Label, s.ImplicitLabel?.ContentProducer, s.ImplicitLabel?.ProduceId,
                    s.ImplicitLabel?.ContentPropagator, s.ImplicitLabel?.PropagateId, s.ImplicitLabel?.ReservedCode1, s.ImplicitLabel?.ReservedCode2,
                    s.PublishedAtUtc, now, now, 1);
            }
            stopwatch.Stop();
            await transaction.RollbackAsync();
        }
        return batches.Count * Batch / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Items per second over HTTP; the bodies are serialised beforehand (the platform does that on its own machine). Each
    /// author posts about 20 items of the run, so a batch creates a few hundred platform users at first and fewer later.
    /// </summary>
    private static async Task<(double Rate, long Flags)> ApiItemsPerSecondAsync(HttpClient client, List<byte[]> batches, int concurrent)
    {
        var (elapsed, flags) = await BenchmarkHost.PostAllAsync([client], Path, batches, concurrent, FlagsRaised);
        return (batches.Count * Batch / elapsed.TotalSeconds, flags);
    }

    private const string Path = "api/v1/content";

    /// <summary>How long until no item waits for the search index: the app's keeper indexes them (or this, if the instance runs none).</summary>
    private async Task<TimeSpan> IndexedAsync(ContentSearchIndexer indexer)
    {
        var stopwatch = Stopwatch.StartNew();
        if (!app.Services.GetRequiredService<IOptions<ReviewOptions>>().Value.SearchIndexer) await indexer.IndexWaitingAsync();
        while ((await indexer.LagAsync()).Waiting.Value > 0) await Task.Delay(TimeSpan.FromMilliseconds(100)); // a count a poll: rarely, so as not to slow the indexer
        return stopwatch.Elapsed;
    }

    private static async Task<List<string>> BankedHashesAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.HashBankEntries.AsNoTracking().Where(e => db.HashBanks.Any(b => b.Id == e.HashBankId && b.Enabled)).OrderBy(e => e.Id).Take(10_000)
            .Select(e => e.Hash).ToListAsync();
    }

    private static async Task<int> EnabledBankHashesAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.HashBankEntries.CountAsync(e => db.HashBanks.Any(b => b.Id == e.HashBankId && b.Enabled));
    }

    private static PerceptualHashSubmission Hash(Random random, List<string> banked) =>
        new((banked.Count > 0 && random.Next(100) == 0
            ? HashBankBenchmark.Near(Review.HashBanks.PdqHash.Parse(banked[random.Next(banked.Count)]), random, random.Next(0, 20))
            : HashBankBenchmark.Random(random)).ToString(), 100, null);

    private static long FlagsRaised(JsonElement answer)
    {
        if (answer.GetProperty("created").GetInt32() != Batch) throw new InvalidOperationException("A benchmark item was not created: " + answer);
        return answer.GetProperty("results").EnumerateArray().Sum(r => r.GetProperty("flagsAdded").GetInt64());
    }

    /// <summary>Chinese text sent as UTF-8, as a platform in China sends it, rather than as \u escapes.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Serialise(List<ContentSubmission> batch) => JsonSerializer.SerializeToUtf8Bytes(new SubmitContentRequest(batch.Select(s => new ContentItemDto(
        s.ExternalId, s.AuthorExternalId, s.AuthorDisplayName, s.MediaType.ToString(), s.Category.ToString(), s.Excerpt, s.MediaUrl, s.ContentHash,
        s.DeclaredAiGenerated,
        s.ImplicitLabel is { } l ? new AigcLabelDto(l.Label, l.ContentProducer, l.ProduceId, l.ContentPropagator, l.PropagateId, l.ReservedCode1, l.ReservedCode2) : null,
        s.ImplicitLabelStatus.ToString(), s.ExplicitLabelStatus.ToString(), s.PublishedAtUtc is { } p ? new DateTimeOffset(p, TimeSpan.Zero) : null,
        s.PerceptualHashes?.Select(h => (PerceptualHashDto?)new PerceptualHashDto(h.Hash, h.Quality, h.FrameAtMs)).ToList())).ToList()), Json);
}
