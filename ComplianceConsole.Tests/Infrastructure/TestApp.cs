using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Setup;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Pii;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>
/// The real app in a fresh temporary data folder, on a real SQLite file there or, when the tests run on PostgreSQL
/// (<see cref="TestDatabase"/>), on a database of its own on the shared test server. Nobody exists until a test completes
/// setup (<see cref="CompleteSetupAsync"/>) or creates staff.
/// </summary>
public class TestApp(IReadOnlyDictionary<string, string>? settings = null, string? dataFolderPath = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.cn";
    public const string Password = "Correct-Horse-42";

    /// <summary>A fresh temporary folder, or the folder of an app that stopped, to start it again on the same data.</summary>
    public string DataFolderPath { get; } = dataFolderPath ?? Directory.CreateTempSubdirectory("cc-test-").FullName;

    /// <summary>Set to keep the data folder when this app is disposed, so another app can start on it (a restart).</summary>
    public bool KeepDataFolder { get; set; }

    /// <summary>
    /// Set to start on an empty database, which the app migrates as it would on a first deployment; otherwise it starts on a
    /// copy of <see cref="MigratedDatabaseTemplate"/>.
    /// </summary>
    public bool StartOnEmptyDatabase { get; init; }

    /// <summary>The app's PostgreSQL database, created on first use (empty, or from the template): whoever asks first, the app or a command beside it.</summary>
    private string PostgreSqlConnectionString() =>
        PostgreSqlTestServer.Current.Database(PostgreSqlDatabaseName, StartOnEmptyDatabase ? null : MigratedDatabaseTemplate.PostgreSqlName);

    /// <summary>The app's PostgreSQL database: named after its data folder, so an app started again on that folder finds its data.</summary>
    private string PostgreSqlDatabaseName => "cc_" + Path.GetFileName(DataFolderPath).Replace('-', '_').ToLowerInvariant();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(DataFolder.ConfigurationKey, DataFolderPath);
        if (TestDatabase.IsPostgreSql)
        {
            builder.UseSetting(DatabaseSettings.ProviderKey, nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("ConnectionStrings:Default", PostgreSqlConnectionString());
        }
        else
        {
            var databaseFile = Path.Combine(DataFolderPath, DatabaseSettings.SqliteFileName);
            if (!StartOnEmptyDatabase && !File.Exists(databaseFile)) MigratedDatabaseTemplate.CopySqliteTo(databaseFile);
        }
        // A password hashed at a tenth of a second of work, as in production, costs the suite minutes across its thousands
        // of accounts and sign-ins; the scheme is the same.
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:ComplianceConsole", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>
    /// Settings for another instance of this app, as deployed behind a load balancer: the same PostgreSQL database, the same
    /// key files (this app's, created when it started) and checkpoint file, a data folder of its own.
    /// </summary>
    public Dictionary<string, string> AnotherInstanceSettings()
    {
        _ = Services; // started, so its key files exist
        return new()
        {
            ["ConnectionStrings:Default"] = PostgreSqlConnectionString(),
            [PiiKeyRing.ConfigurationKey] = Path.Combine(DataFolderPath, PiiKeyRing.DefaultFileName),
            [AuditKeys.HmacKeyConfigurationKey] = Path.Combine(DataFolderPath, AuditKeys.HmacKeyFileName),
            [AuditKeys.SigningKeyConfigurationKey] = Path.Combine(DataFolderPath, AuditKeys.SigningKeyFileName),
            [Features.Exports.Signing.ExportSigner.ConfigurationKey] = Path.Combine(DataFolderPath, Features.Exports.Signing.ExportSigner.DefaultFileName),
            [AuditCheckpoints.FileConfigurationKey] = Path.Combine(DataFolderPath, "audit-checkpoints.log"),
        };
    }

    /// <summary>The settings that point a command (<see cref="AppCommands"/>) run beside this app at its data folder and database.</summary>
    public string[] CommandLineSettings() =>
    [
        $"--{DataFolder.ConfigurationKey}={DataFolderPath}",
        $"--{DatabaseSettings.ProviderKey}={TestDatabase.Provider}",
        $"--ConnectionStrings:Default={(TestDatabase.IsPostgreSql ? PostgreSqlConnectionString() : "")}",
    ];

    public string SetupToken => File.ReadAllText(Path.Combine(DataFolderPath, SetupService.TokenFileName)).Trim();

    /// <summary>Creates the first administrator the way /setup does.</summary>
    public async Task CompleteSetupAsync()
    {
        var setup = Services.GetRequiredService<SetupService>();
        if (await setup.IsCompletedAsync()) return;
        var result = await setup.CompleteAsync(SetupToken, AdminEmail, "系统管理员", Password, "127.0.0.1");
        Assert.Equal(SetupOutcome.Completed, result.Outcome);
    }

    /// <summary>A staff account with a password and roles, as if an administrator had created it and the person set a password.</summary>
    public async Task<string> CreateStaffAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAtUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user.Id;
    }

    public HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form and returns a client holding the auth cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateBrowserlikeClient();
        var response = await Forms.PostAsync(client, "/Account/Login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The display name staff made by <see cref="CreateStaffAsync"/> carry: records colleagues read name them by it.</summary>
    /// <summary>
    /// Starts an app on the data folder of one that stopped, expecting start-up to be refused; returns what it tells the operator.
    /// The folder is kept as start-up left it, for the test to look into (no new key made in a lost one's place) or to start on again.
    /// </summary>
    public static string StartRefused(string dataFolder)
    {
        using var restarted = new TestApp(dataFolderPath: dataFolder) { KeepDataFolder = true };
        return Assert.Throws<StartupRefusedException>(() => restarted.Services).Message;
    }

    public static string ShownName(string email) => email.Split('@')[0];

    public StaffScope As(string email) => StaffScope.Create(Services, email);

    /// <summary>Stores a submission as the platform's API would, without going through HTTP.</summary>
    public async Task<SubmissionOutcome> SubmitDirectlyAsync(VerificationSubmission submission)
    {
        await using var scope = Services.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<VerificationSubmissionService>().SaveBatchAsync([submission],
            new AuditActor(null, "api:test-platform"), AuditActions.VerificationSubmitted, new { source = "test" }, allOrNothing: true, CancellationToken.None);
        return results.Single().Outcome;
    }

    /// <summary>
    /// Holds the job host: queued jobs wait until the returned scheduler is started again. The host starts its scheduler
    /// once the app has started, in the background; standing by before that would be undone by that start.
    /// </summary>
    public async Task<Quartz.IScheduler> HoldJobsAsync()
    {
        var scheduler = await Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (scheduler.Status == Quartz.SchedulerStatus.Created && DateTime.UtcNow < deadline) await Task.Delay(20);
        await scheduler.Standby();
        return scheduler;
    }

    /// <summary>Waits until a job has ended and returns it as its owner sees it on the Jobs page.</summary>
    public async Task<JobView> WaitForJobAsync(string ownerEmail, long jobId)
    {
        // Generous: on a CI machine running every test class at once, a job can wait a while for one of the host's two threads.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            await using var scope = As(ownerEmail);
            var job = await scope.Get<JobQueryService>().GetAsync(jobId) ?? throw new InvalidOperationException($"No job {jobId} for {ownerEmail}.");
            if (!job.IsActive) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} is still {job.Status} after three minutes.");
            await Task.Delay(25);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (KeepDataFolder) return;
        if (TestDatabase.IsPostgreSql) PostgreSqlTestServer.Current.DropDatabase(PostgreSqlDatabaseName);
        try { Directory.Delete(DataFolderPath, recursive: true); } catch (IOException) { }
    }
}
