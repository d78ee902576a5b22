using System.Data.Common;
using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.FeatureLibrary;

/// <summary>
/// Runs a piece of work once, when the app has next read the feature rules: after a service has checked the library
/// for a duplicate and before it writes, which is the window another Manager's save falls into in a real race.
/// </summary>
public sealed class NextFeatureRuleRead : DbCommandInterceptor
{
    private Func<Task>? _pending;

    public void Run(Func<Task> work) => _pending = work;

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (command.CommandText.Contains("FROM \"FeatureRules\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _pending, null) is { } work) await work();
        return result;
    }
}

/// <summary>The real app with <see cref="NextFeatureRuleRead"/> among its database interceptors.</summary>
public sealed class InterceptedTestApp(NextFeatureRuleRead hook) : TestApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(hook)));
    }
}

public sealed class FeatureRuleRaceTests : IAsyncLifetime
{
    private const string Manager = "manager@example.cn";
    private const string SecondManager = "manager2@example.cn";

    private readonly NextFeatureRuleRead _hook = new();
    private readonly TestApp _app;

    static FeatureRuleRaceTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public FeatureRuleRaceTests() => _app = new InterceptedTestApp(_hook);

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateStaffAsync(Manager, Roles.Manager);
        await _app.CreateStaffAsync(SecondManager, Roles.Manager);
    }

    public ValueTask DisposeAsync()
    {
        _app.Dispose();
        return ValueTask.CompletedTask;
    }

    private static FeatureRuleForm Keyword(string value) => new() { Kind = FeatureRuleKind.Keyword, Value = value, ReasonCode = "rumour" };

    private async Task<Result> SaveAsync(string who, FeatureRuleForm form)
    {
        await using var scope = _app.As(who);
        return await scope.Get<FeatureRuleService>().SaveAsync(form);
    }

    private async Task<List<string>> KeywordsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.FeatureRules.Where(r => r.Kind == FeatureRuleKind.Keyword).OrderBy(r => r.Id).Select(r => r.Value).ToListAsync();
    }

    private static void AssertDuplicate(Result result) =>
        Assert.Equal((ResultOutcome.Invalid, "Value", "FeatureRule.Duplicate"), (result.Outcome, Assert.Single(result.Errors).Field, result.Errors[0].MessageKey));

    [Fact]
    public async Task A_manager_whose_rule_another_manager_adds_after_the_duplicate_check_is_told_it_already_exists()
    {
        Result? second = null;
        _hook.Run(async () => second = await SaveAsync(SecondManager, Keyword("换脸教程")));

        var first = await SaveAsync(Manager, Keyword("换脸教程"));

        Assert.True(second!.Succeeded);
        AssertDuplicate(first);
        Assert.Equal(["换脸教程"], await KeywordsAsync());
    }

    [Fact]
    public async Task Two_managers_adding_the_same_rule_at_once_one_adds_it_and_the_other_is_told_it_already_exists()
    {
        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(Task.Run(() => SaveAsync(Manager, Keyword($"声音克隆{round}"))),
                Task.Run(() => SaveAsync(SecondManager, Keyword($"声音克隆{round}"))));
            Assert.Single(results, r => r.Succeeded);
            AssertDuplicate(Assert.Single(results, r => !r.Succeeded));
        }
        Assert.Equal(5, (await KeywordsAsync()).Count);
    }

    [Fact]
    public async Task A_keyword_a_manager_adds_while_an_import_writes_it_is_counted_as_a_duplicate_and_the_import_succeeds()
    {
        await using var scope = _app.As(Manager);
        var imports = scope.Get<KeywordImportService>();
        var content = Encoding.UTF8.GetBytes("关键词,原因代码\n一键换脸,rumour\n假冒客服,fraud_impersonation\n");
        var file = (await imports.ReceiveAsync(new MemoryStream(content), "keywords.csv", content.Length)).Value!;
        var preview = (await imports.PreviewAsync(file)).Value!;
        _hook.Run(async () => Assert.True((await SaveAsync(SecondManager, Keyword("假冒客服"))).Succeeded));

        var started = await imports.StartAsync(file, preview.RowCount);
        var job = await _app.WaitForJobAsync(Manager, started.Value);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(("KeywordImport.Result", "2,1,1,0"), (job.Result!.Summary.Key, string.Join(',', job.Result.Summary.Arguments)));
        Assert.Equal(["假冒客服", "一键换脸"], await KeywordsAsync());
    }
}
