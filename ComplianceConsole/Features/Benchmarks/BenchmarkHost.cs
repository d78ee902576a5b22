using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>What every benchmark needs: a staff account to act as, the app served on loopback, and API keys.</summary>
internal static class BenchmarkHost
{
    /// <summary>
    /// The benchmark acts as a staff account of its own holding every role (created once, with no password, so nobody
    /// can sign in with it), signed in as in a circuit, so that session revalidation treats it like anyone else.
    /// </summary>
    public static async Task SignInAsync(IServiceProvider services)
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

    /// <summary>Serves the app on a free loopback port; the client's base address is the server's.</summary>
    public static async Task<HttpClient> ServeAsync(WebApplication app)
    {
        app.UseConsole();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address + "/") };
    }

    /// <summary>
    /// Posts JSON bodies (serialised beforehand: the platform does that on its own machine) with <paramref name="concurrent"/>
    /// clients at once to each of the <paramref name="instances"/>, each taking the next body; <paramref name="check"/> reads each answer and returns a count to sum.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, long Sum)> PostAllAsync(IReadOnlyList<HttpClient> instances, string path, IReadOnlyList<byte[]> bodies,
        int concurrent, Func<JsonElement, long> check)
    {
        var next = -1;
        long sum = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrent * instances.Count).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count) Interlocked.Add(ref sum, await PostAsync(instances[worker % instances.Count], path, bodies[i], check));
        }));
        return (stopwatch.Elapsed, sum);
    }

    public static async Task<long> PostAsync(HttpClient client, string path, byte[] body, Func<JsonElement, long> check)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content);
        response.EnsureSuccessStatusCode();
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return check(answer.RootElement);
    }

    /// <summary>
    /// Posts warm-up batches, <paramref name="concurrent"/> at a time, until the JIT has settled: a server that has run for a
    /// minute runs its hot paths fully optimised, where a young process runs them as first compiled, unoptimised, while the
    /// JIT recompiles them beside it (tiered compilation recompiles a method once it has been called 30 times and no new
    /// method has been compiled for 100 ms). Settled is two seconds, and at least five rounds, in which each round compiled at
    /// most a couple of methods (three rounds, a quarter of a second, once ended a warm-up while thousands were still to come), or
    /// <paramref name="maxRounds"/>; returns the rounds posted and the methods compiled meanwhile.
    /// </summary>
    public static async Task<(int Rounds, long Methods)> WarmUpAsync(Func<int, Task> postBatch, int concurrent, int maxRounds)
    {
        var first = System.Runtime.JitInfo.GetCompiledMethodCount();
        var (rounds, quietRounds, before) = (0, 0, first);
        var quietFor = Stopwatch.StartNew();
        while ((quietRounds < 5 || quietFor.Elapsed < TimeSpan.FromSeconds(2)) && rounds < maxRounds)
        {
            var round = rounds++;
            await Task.WhenAll(Enumerable.Range(0, concurrent).Select(c => postBatch(round * concurrent + c)));
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now - before <= 2) quietRounds++;
            else
            {
                quietRounds = 0;
                quietFor.Restart();
            }
            before = now;
        }
        return (rounds, before - first);
    }

    /// <summary>
    /// The one-minute load average with the core count beside it: a figure taken while the machine was busier than its cores is a
    /// shared machine's, not a headline.
    /// </summary>
    public static string LoadAverage(string when)
    {
        if (!File.Exists("/proc/loadavg")) return $"Load average {when}: unknown.";
        var averages = File.ReadAllText("/proc/loadavg").Split(' ').Take(3).ToArray();
        var oneMinute = double.Parse(averages[0], System.Globalization.CultureInfo.InvariantCulture);
        var verdict = oneMinute > Environment.ProcessorCount ? "above the core count: the machine was shared" : "quiet";
        return $"Load average {when}: {string.Join(' ', averages)} ({Environment.ProcessorCount} cores; {verdict}).";
    }

    /// <summary>A new API key with one scope, created by the signed-in benchmark account.</summary>
    public static async Task<string> ApiKeyAsync(IServiceProvider services, string scope)
    {
        var created = await services.GetRequiredService<ApiKeyService>().CreateAsync($"benchmark {scope} {DateTime.UtcNow:yyyyMMddHHmmss}", [scope]);
        return created.Value!;
    }
}
