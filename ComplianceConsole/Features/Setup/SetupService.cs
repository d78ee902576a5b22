using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Setup;

public enum SetupOutcome { Completed, WrongToken, AlreadyCompleted, Invalid }

public sealed record SetupResult(SetupOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static SetupResult Of(SetupOutcome outcome) => new(outcome, []);
}

/// <summary>
/// First run: while no staff account exists, a one-time token is written to the log and to a file in the data
/// folder; whoever can read it may create the first Administrator, once. There is no default password.
/// </summary>
public sealed class SetupService(IServiceScopeFactory scopeFactory, DataFolder dataFolder, AuditTrail audit, TimeProvider clock, ILogger<SetupService> logger)
{
    public const string TokenFileName = "setup-token.txt";
    private const string TokenAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _completed;

    public bool IsCompleted => _completed;

    private string TokenPath => dataFolder.File(TokenFileName);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            _completed = true;
            File.Delete(TokenPath);
            return;
        }
        if (!File.Exists(TokenPath))
        {
            await File.WriteAllTextAsync(TokenPath, RandomNumberGenerator.GetString(TokenAlphabet, 24), cancellationToken);
        }
        var token = (await File.ReadAllTextAsync(TokenPath, cancellationToken)).Trim();
        logger.LogWarning("No staff account exists yet. Open /setup and enter the one-time setup token {SetupToken} " +
            "(also in {SetupTokenFile}) to create the first administrator.", token, TokenPath);
    }

    public async Task<SetupResult> CompleteAsync(string token, string email, string displayName, string password, string? ipAddress)
    {
        await _lock.WaitAsync();
        try
        {
            if (_completed) return SetupResult.Of(SetupOutcome.AlreadyCompleted);
            if (!File.Exists(TokenPath) || !TokensMatch(await File.ReadAllTextAsync(TokenPath), token))
            {
                logger.LogWarning("A setup attempt with a wrong token was refused.");
                return SetupResult.Of(SetupOutcome.WrongToken);
            }

            await using var scope = scopeFactory.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var appender = await audit.BeginAsync(db);
            var admin = new ApplicationUser
            {
                UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true,
                DisplayName = displayName.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded) return new SetupResult(SetupOutcome.Invalid, created.Errors.Select(e => e.Description).ToList());
            await users.AddToRoleAsync(admin, Roles.Administrator);
            await appender.SaveWithAuditAsync(db, new AuditActor(admin.Id, admin.Email!, ipAddress), AuditActions.SetupCompleted,
                "Staff", admin.Id, new { admin.Email, Roles = new[] { Roles.Administrator } });
            await appender.CommitAsync();

            _completed = true;
            File.Delete(TokenPath);
            logger.LogInformation("Setup completed: the first administrator {Email} was created.", admin.Email);
            return SetupResult.Of(SetupOutcome.Completed);
        }
        finally
        {
            _lock.Release();
        }
    }

    private static bool TokensMatch(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected.Trim()),
            System.Text.Encoding.UTF8.GetBytes(given.Trim().ToUpperInvariant()));
}
