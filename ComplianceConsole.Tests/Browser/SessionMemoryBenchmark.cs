using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplianceConsole.Tests.Browser;

/// <summary>A verifier and a few hundred pending records, so the grid opens with full pages.</summary>
public sealed class SessionMemoryApp : BrowserApp
{
    public const string Verifier = "memory.verifier@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Verifier, Roles.Verifier);
        await using var scope = App.Services.CreateAsyncScope();
        var at = DateTime.UtcNow.AddDays(-1);
        var items = Enumerable.Range(0, 300).Select(i => new VerificationSubmission($"mem-{i}", $"用户{i}", null, VerificationMethod.MobileNumber,
            $"1390000{i:D4}", "欧阳娜娜", at.AddMinutes(i))).ToList();
        await scope.ServiceProvider.GetRequiredService<VerificationSubmissionService>().SaveBatchAsync(items,
            new AuditActor(null, "api:test-platform"), AuditActions.VerificationSubmitted, new { source = "test" }, allOrNothing: true, CancellationToken.None);
    }
}

/// <summary>
/// Managed memory per interactive session with the records grid open: opens sessions in headless Chromium (each its
/// own browser context, so its own circuit), measures the app's managed heap after a full collection at 10 and at 30
/// sessions, and divides the difference by 20. Explicit (a benchmark, not part of <c>dotnet test</c>); run with
/// <c>dotnet run -- -class "*SessionMemoryBenchmark" -explicit only -showLiveOutput</c>; CC_SESSIONS=a,b changes 10 and 30.
/// </summary>
public sealed class SessionMemoryBenchmark(SessionMemoryApp browser) : IClassFixture<SessionMemoryApp>
{
    private const double BudgetBytes = 1024 * 1024;

    [Fact(Explicit = true)]
    public async Task Each_session_with_the_grid_open_holds_at_most_one_megabyte_of_managed_memory()
    {
        var counts = (Environment.GetEnvironmentVariable("CC_SESSIONS") ?? "10,30").Split(',').Select(int.Parse).ToArray();
        var signIn = await browser.NewPageAsync();
        await signIn.SignInAsync(SessionMemoryApp.Verifier);
        var state = await signIn.Context.StorageStateAsync();
        await signIn.Context.CloseAsync();

        var sessions = new List<IBrowserContext>();
        async Task OpenUntilAsync(int count)
        {
            while (sessions.Count < count)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, StorageState = state, Locale = "zh-CN" });
                context.SetDefaultTimeout(30_000);
                var page = await context.NewPageAsync();
                await page.GotoAsync("verification");
                await page.WaitForInteractiveAsync();
                await Expect(page.Locator(".verification-grid tbody tr").Nth(VerificationGridRules.DefaultPageSize - 1)).ToBeVisibleAsync();
                sessions.Add(context);
            }
        }

        await OpenUntilAsync(counts[0]);
        var before = ManagedBytesAfterCollection();
        await OpenUntilAsync(counts[1]);
        var after = ManagedBytesAfterCollection();
        var perSession = (after - before) / (double)(counts[1] - counts[0]);
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"Managed heap {before / 1048576.0:F1} MB with {counts[0]} sessions, {after / 1048576.0:F1} MB with {counts[1]}: {perSession / 1048576.0:F2} MB a session.");
        foreach (var context in sessions) await context.CloseAsync();
        Assert.True(perSession <= BudgetBytes, $"{perSession / 1048576.0:F2} MB a session");
    }

    private static long ManagedBytesAfterCollection()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
