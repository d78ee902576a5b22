using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Registry;

/// <summary>The app on a movable clock with a Manager, an Auditor, a platform key and one platform user who edits faces.</summary>
public sealed class RegistryApp : IAsyncLifetime
{
    public const string Manager = "registry.manager@example.cn";
    public const string Auditor = "registry.auditor@example.cn";
    public const string PlatformUser = "u-editor-1";

    public MovableClock Clock { get; } = new();
    public TestApp App { get; }
    public string PlatformKey { get; private set; } = "";

    public RegistryApp() => App = new ClockedTestApp(Clock);

    internal RegistryApp(IReadOnlyDictionary<string, string> settings) => App = new ClockedTestApp(Clock, settings);

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        await using var admin = App.As(TestApp.AdminEmail);
        PlatformKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
        await App.SubmitDirectlyAsync(new VerificationSubmission(PlatformUser, "编辑者", PlatformUserKind.Individual, VerificationMethod.MobileNumber,
            "13812345678", "张三", null));
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }

    public HttpClient Platform()
    {
        var client = App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, PlatformKey);
        return client;
    }

    public Task<AppDbContext> DbAsync() => App.Services.ReadContextAsync();
}
