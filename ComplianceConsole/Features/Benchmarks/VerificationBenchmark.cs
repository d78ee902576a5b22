using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Measures what a Verifier's grid and the platform's eligibility check cost at scale: each scenario runs
/// warm-up rounds, then the given number of timed rounds, and reports p50 and p95 in milliseconds.
/// Seeds synthetic records first when the database holds fewer than asked for.
/// </summary>
public sealed class VerificationBenchmark(WebApplication app, int records, int iterations, int gridIterations, int importRows, int apiItems, int apiClients)
{
    private const int Warmup = 10;

    public async Task RunAsync(TextWriter output)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var existing = await CountAsync(contexts);
        if (existing < records)
        {
            output.WriteLine($"The database has {existing:N0} records; seeding {records - existing:N0} more…");
            await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(records - existing, seed: existing + 1);
            existing = await CountAsync(contexts);
        }
        var samples = await SampleAsync(contexts);
        output.WriteLine($"{existing:N0} verification records.");
        output.WriteLine(BenchmarkHost.LoadAverage("before"));
        output.WriteLine();

        await using var scope = app.Services.CreateAsyncScope();
        await BenchmarkHost.SignInAsync(scope.ServiceProvider);
        var queries = scope.ServiceProvider.GetRequiredService<VerificationQueryService>();
        if (gridIterations > 0)
        {
            await new GridBenchmark(queries, contexts, gridIterations).RunAsync(output,
                new GridBenchmark.Samples(samples.Identifiers[0], samples.Decider ?? "nobody", samples.FirstSubmittedUtc, samples.LastSubmittedUtc));
            output.WriteLine();
        }
        output.WriteLine($"Other scenarios: {iterations} timed rounds each after {Warmup} warm-up rounds.");
        output.WriteLine();
        output.WriteLine("| scenario | p50 ms | p95 ms |");
        output.WriteLine("|---|---:|---:|");
        Task<KeysetPage<VerificationRow>> Page(VerificationFilter filter) => queries.GetPageAsync(new VerificationPageRequest(filter, VerificationSort.SubmittedNewest, 50));

        await Report(output, "Exact search by identifier (keyed hash)", i => Page(new VerificationFilter { Search = samples.Identifiers[i % samples.Identifiers.Count] }));
        await Report(output, "Exact search by platform user id", i => Page(new VerificationFilter { Search = samples.ExternalIds[i % samples.ExternalIds.Count] }));
        var client = await BenchmarkHost.ServeAsync(app);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, await BenchmarkHost.ApiKeyAsync(scope.ServiceProvider, VerificationPermissions.CheckEligibility));
        await Report(output, "Eligibility API over HTTP (GET /api/v1/users/{id}/eligibility)", async i =>
        {
            var response = await client.GetAsync($"api/v1/users/{samples.ExternalIds[i % samples.ExternalIds.Count]}/eligibility");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        });

        var writes = new WriteBenchmark(contexts, Math.Max(apiItems, WriteBenchmark.Batch));
        var raw = await writes.RawInsertsPerSecondAsync();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Raw {app.Services.GetRequiredService<DatabaseSettings>().Provider} inserts of the record alone into the records table (same width, same indexes, prepared, ids given, {WriteBenchmark.Batch:N0} a transaction, rolled back): {raw:N0} rows/s."));
        if (apiItems > 0)
        {
            var submitter = await BenchmarkHost.ApiKeyAsync(scope.ServiceProvider, VerificationPermissions.Submit);
            client.DefaultRequestHeaders.Remove(ApiKeyAuthenticationHandler.HeaderName);
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, submitter);
            foreach (var concurrent in new[] { 1, apiClients }.Distinct())
            {
                var api = await writes.ApiItemsPerSecondAsync([client], concurrent);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"API submissions over HTTP ({apiItems:N0} new users' verifications, batches of {WriteBenchmark.Batch:N0}, {concurrent} client{(concurrent == 1 ? "" : "s")} at once): {api:N0} items/s, {WriteBenchmark.Ratio(api, raw)} to raw inserts."));
            }
        }
        if (importRows > 0) await ImportAsync(output, scope.ServiceProvider, raw);
        output.WriteLine(BenchmarkHost.LoadAverage("after"));
        await app.StopAsync();
    }

    /// <summary>Times one import of a generated CSV file as the import page runs it: queued, then run by the job host.</summary>
    private async Task ImportAsync(TextWriter output, IServiceProvider services, double rawInsertsPerSecond)
    {
        // New people every run, as the API rounds have: until 2026-11-26 the generator was seeded with the row count, so each run
        // imported the identities of the runs before it and its duplicate-identity lookups read their records back.
        var identities = new SyntheticIdentities(Environment.TickCount);
        var path = Path.Combine(Path.GetTempPath(), $"cc-import-benchmark-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(true)))
        {
            await writer.WriteLineAsync("平台用户ID,核验方式,证件号码,真实姓名,提交时间");
            var run = DateTime.UtcNow.Ticks;
            for (var i = 0; i < importRows; i++)
            {
                await writer.WriteLineAsync(i % 2 == 0
                    ? $"imp{run}-{i},居民身份证,{identities.ResidentId()},{identities.PersonName()},2026-11-01 09:00:00"
                    : $"imp{run}-{i},手机号码,{identities.Mobile()},{identities.PersonName()},2026-11-01 09:00:00");
            }
        }
        var imports = services.GetRequiredService<Verification.Import.VerificationImportService>();
        await using var content = File.OpenRead(path);
        var file = (await imports.ReceiveAsync(content, "benchmark.csv", content.Length)).Value!;
        var preview = (await imports.PreviewAsync(file)).Value!;
        var stopwatch = Stopwatch.StartNew();
        var jobId = (await imports.StartAsync(file, preview.Mapping, preview.RowCount)).Value;
        var jobs = services.GetRequiredService<Jobs.JobQueryService>();
        Jobs.JobView? job;
        while ((job = await jobs.GetAsync(jobId)) is { IsActive: true }) await Task.Delay(50);
        stopwatch.Stop();
        File.Delete(path);
        // The import's summary arguments: rows, created, already imported, invalid.
        var counts = job!.Result!.Summary.Arguments;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Import job of {counts[0]} CSV rows ({counts[1]} created, {counts[3]} invalid): {stopwatch.Elapsed.TotalSeconds:F1} s, {job.Done / stopwatch.Elapsed.TotalSeconds:N0} rows/s, {WriteBenchmark.Ratio(job.Done / stopwatch.Elapsed.TotalSeconds, rawInsertsPerSecond)} to raw inserts."));
    }

    private async Task Report(TextWriter output, string scenario, Func<int, Task> action)
    {
        for (var i = 0; i < Warmup; i++) await action(i);
        var timings = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action(Warmup + i);
            timings[i] = stopwatch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(timings);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {timings[iterations / 2]:F1} | {timings[(int)Math.Ceiling(iterations * 0.95) - 1]:F1} |"));
    }

    private static async Task<int> CountAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.VerificationRecords.CountAsync();
    }

    private sealed record Samples(IReadOnlyList<string> Identifiers, IReadOnlyList<string> ExternalIds, string? Decider, DateTime FirstSubmittedUtc, DateTime LastSubmittedUtc);

    /// <summary>Real identifiers and user ids picked at random from the data, so searches find something.</summary>
    private async Task<Samples> SampleAsync(IDbContextFactory<AppDbContext> contexts)
    {
        var pii = app.Services.GetRequiredService<PiiProtector>();
        await using var db = await contexts.CreateDbContextAsync();
        var maxId = await db.VerificationRecords.MaxAsync(r => r.Id);
        var random = new Random(7);
        var ids = Enumerable.Range(0, 200).Select(_ => (long)random.NextInt64(1, maxId + 1)).ToList();
        var rows = await db.VerificationRecords.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.IdentifierCipher, r.PlatformUser.ExternalId, r.SubmittedAtUtc }).ToListAsync();
        var decider = await db.VerificationRecords.AsNoTracking().Where(r => r.DecidedBy != null).Select(r => r.DecidedBy).FirstOrDefaultAsync();
        var first = await db.VerificationRecords.MinAsync(r => r.SubmittedAtUtc);
        var last = await db.VerificationRecords.MaxAsync(r => r.SubmittedAtUtc);
        return new Samples(rows.Select(r => pii.Decrypt(r.IdentifierCipher)).ToList(), rows.Select(r => r.ExternalId).ToList(), decider, first, last);
    }
}
