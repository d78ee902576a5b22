using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Measures what a Verifier's grid and the platform's eligibility check cost at scale: each scenario runs
/// warm-up rounds, then the given number of timed rounds, and reports p50 and p95 in milliseconds.
/// Seeds synthetic records first when the database holds fewer than asked for.
/// </summary>
public sealed class VerificationBenchmark(WebApplication app, int records, int iterations, int importRows)
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
        output.WriteLine($"{existing:N0} verification records; {iterations} timed rounds per scenario after {Warmup} warm-up rounds.");
        output.WriteLine();
        output.WriteLine("| scenario | p50 ms | p95 ms |");
        output.WriteLine("|---|---:|---:|");

        await using var scope = app.Services.CreateAsyncScope();
        await SignInAsync(scope.ServiceProvider);
        var queries = scope.ServiceProvider.GetRequiredService<VerificationQueryService>();
        Task<Common.PagedResult<VerificationRow>> Page(VerificationFilter filter, VerificationSort sort = VerificationSort.SubmittedNewest) =>
            queries.GetPageAsync(new VerificationPageRequest(filter, sort, 50));

        var decider = samples.Decider;
        var since = DateTime.UtcNow.AddDays(-30);
        await Report(output, "Grid: all records, newest first, page 1 + total count", _ => Page(new VerificationFilter()));
        await Report(output, "Grid: pending, newest first, page 1 + count", _ => Page(new VerificationFilter { Status = VerificationStatus.Pending }));
        await Report(output, "Grid: verified resident ID cards, oldest first, page 1 + count",
            _ => Page(new VerificationFilter { Status = VerificationStatus.Verified, Method = VerificationMethod.ResidentIdCard }, VerificationSort.SubmittedOldest));
        await Report(output, "Grid: decided by one verifier in the last 30 days, recently decided first",
            _ => Page(new VerificationFilter { DecidedBy = decider, DecidedFromUtc = since }, VerificationSort.DecidedNewest));
        await Report(output, "Grid: duplicates only", _ => Page(new VerificationFilter { DuplicatesOnly = true }));
        await Report(output, "Grid: submitted in one week, newest first",
            _ => Page(new VerificationFilter { SubmittedFromUtc = samples.WeekStart, SubmittedToUtc = samples.WeekStart.AddDays(7) }));

        VerificationCursor? cursor = null;
        await Report(output, "Grid: next page by keyset (walking the pending records)", async _ =>
        {
            var page = await queries.GetPageAsync(new VerificationPageRequest(new VerificationFilter { Status = VerificationStatus.Pending }, VerificationSort.SubmittedNewest, 50, cursor));
            cursor = page.Items.Count > 0 ? page.Items[^1].CursorFor(VerificationSort.SubmittedNewest) : null;
        });
        await Report(output, "Exact search by identifier (keyed hash)", i => Page(new VerificationFilter { Search = samples.Identifiers[i % samples.Identifiers.Count] }));
        await Report(output, "Exact search by platform user id", i => Page(new VerificationFilter { Search = samples.ExternalIds[i % samples.ExternalIds.Count] }));
        await Report(output, "Count only: pending", async _ =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.VerificationRecords.CountAsync(r => r.Status == VerificationStatus.Pending);
        });

        var (client, key) = await StartApiAsync(scope.ServiceProvider);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        await Report(output, "Eligibility API over HTTP (GET /api/v1/users/{id}/eligibility)", async i =>
        {
            var response = await client.GetAsync($"api/v1/users/{samples.ExternalIds[i % samples.ExternalIds.Count]}/eligibility");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        });
        if (importRows > 0) await ImportAsync(output, scope.ServiceProvider);
        await app.StopAsync();
    }

    /// <summary>Times one import of a generated CSV file as the import page runs it: queued, then run by the job host.</summary>
    private async Task ImportAsync(TextWriter output, IServiceProvider services)
    {
        var identities = new SyntheticIdentities(importRows);
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
        var (file, _) = await imports.ReceiveAsync(content, "benchmark.csv", content.Length);
        var (preview, _) = await imports.PreviewAsync(file!);
        var stopwatch = Stopwatch.StartNew();
        var (jobId, _) = await imports.StartAsync(file!, preview!.Mapping, preview.RowCount);
        var jobs = services.GetRequiredService<Jobs.JobQueryService>();
        Jobs.JobView? job;
        while ((job = await jobs.GetAsync(jobId!.Value)) is { IsActive: true }) await Task.Delay(50);
        stopwatch.Stop();
        File.Delete(path);
        // The import's summary arguments: rows, created, already imported, invalid.
        var counts = job!.Result!.Summary.Arguments;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Import job of {counts[0]} CSV rows ({counts[1]} created, {counts[3]} invalid): {stopwatch.Elapsed.TotalSeconds:F1} s, {job.Done / stopwatch.Elapsed.TotalSeconds:N0} rows/s."));
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

    private sealed record Samples(IReadOnlyList<string> Identifiers, IReadOnlyList<string> ExternalIds, string? Decider, DateTime WeekStart);

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
        return new Samples(rows.Select(r => pii.Decrypt(r.IdentifierCipher)).ToList(), rows.Select(r => r.ExternalId).ToList(), decider,
            rows.Select(r => r.SubmittedAtUtc).DefaultIfEmpty(DateTime.UtcNow).Min());
    }

    /// <summary>
    /// The benchmark acts as a staff account of its own holding every role (created once, with no password, so nobody
    /// can sign in with it), signed in as in a circuit, so that session revalidation treats it like anyone else.
    /// </summary>
    private static async Task SignInAsync(IServiceProvider services)
    {
        const string email = "benchmark@localhost";
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Benchmark", CreatedAtUtc = DateTime.UtcNow };
            await users.CreateAsync(user);
        }
        var missing = Roles.All.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0) await users.AddToRolesAsync(user, missing);
        var principal = await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }

    /// <summary>Serves the app on a free loopback port and creates a key for the eligibility calls.</summary>
    private async Task<(HttpClient Client, string Key)> StartApiAsync(IServiceProvider services)
    {
        app.UseConsole();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var created = await services.GetRequiredService<ApiKeyService>().CreateAsync($"benchmark {DateTime.UtcNow:yyyyMMddHHmmss}", [VerificationPermissions.CheckEligibility]);
        return (new HttpClient { BaseAddress = new Uri(address + "/") }, created.Key!);
    }
}
