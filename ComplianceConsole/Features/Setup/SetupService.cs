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
/// First run: while no staff account exists, a one-time token is written to the log and to a file in the data folder; whoever
/// can read it may create the first Administrator, once. There is no default password. Whether setup is done is read from the
/// database, so every instance sharing it knows as soon as one has done it; only "done" is remembered, since it stays so.
/// </summary>
public sealed class SetupService(IServiceScopeFactory scopeFactory, DataFolder dataFolder, AuditTrail audit, TimeProvider clock, ILogger<SetupService> logger)
{
    public const string TokenFileName = "setup-token.txt";
    private const string TokenAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _completed;

    private string TokenPath => dataFolder.File(TokenFileName);

    /// <summary>Whether a staff account exists, on this instance's database: once it does, the token file goes and setup is over for good.</summary>
    public async ValueTask<bool> IsCompletedAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) return true;
        await using var scope = scopeFactory.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(cancellationToken)) return false;
        _completed = true;
        File.Delete(TokenPath);
        return true;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (await IsCompletedAsync(cancellationToken)) return;
        // Instances sharing the data folder may start together: the first file placed is everyone's token.
        Security.Files.OwnerOnlyKeyFile.CreateOnce(TokenPath, RandomNumberGenerator.GetString(TokenAlphabet, 24));
        var token = (await File.ReadAllTextAsync(TokenPath, cancellationToken)).Trim();
        logger.LogWarning("No staff account exists yet. Open /setup and enter the one-time setup token {SetupToken} " +
            "(also in {SetupTokenFile}) to create the first administrator.", token, TokenPath);
    }

    public async Task<SetupResult> CompleteAsync(string token, string email, string displayName, string password, string? ipAddress)
    {
        await _lock.WaitAsync();
        try
        {
            if (await IsCompletedAsync()) return SetupResult.Of(SetupOutcome.AlreadyCompleted);
            if (await StoredTokenAsync() is not { } stored || !TokensMatch(stored, token))
            {
                // Another instance sharing the folder may have completed setup, and removed the file, since the check above.
                if (await IsCompletedAsync()) return SetupResult.Of(SetupOutcome.AlreadyCompleted);
                logger.LogWarning("A setup attempt with a wrong token was refused.");
                return SetupResult.Of(SetupOutcome.WrongToken);
            }
            var result = await CreateFirstAdministratorAsync(email, displayName, password, ipAddress);
            if (result.Outcome == SetupOutcome.Completed)
            {
                _completed = true;
                File.Delete(TokenPath);
                logger.LogInformation("Setup completed: the first administrator {Email} was created.", email.Trim());
            }
            return result;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<string?> StoredTokenAsync()
    {
        try
        {
            return await File.ReadAllTextAsync(TokenPath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The administrator, their role, the <see cref="SetupCompletion"/> row and the audit event in one transaction: of two
    /// setups at once (on two instances) the second finds a staff account, or fails on the row's key, and creates nobody.
    /// </summary>
    private async Task<SetupResult> CreateFirstAdministratorAsync(string email, string displayName, string password, string? ipAddress)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var appender = await audit.BeginAsync(db);
        if (await db.Users.AnyAsync()) return SetupResult.Of(SetupOutcome.AlreadyCompleted);
        var admin = new ApplicationUser
        {
            UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true,
            DisplayName = displayName.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(new SetupCompletion { AdministratorId = admin.Id, CompletedAtUtc = admin.CreatedAtUtc });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            logger.LogWarning("A setup attempt was refused: another one completed first.");
            return SetupResult.Of(SetupOutcome.AlreadyCompleted);
        }
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded) return new SetupResult(SetupOutcome.Invalid, created.Errors.Select(e => e.Description).ToList());
        await users.AddToRoleAsync(admin, Roles.Administrator);
        await appender.SaveWithAuditAsync(db, new AuditActor(admin.Id, admin.Email!, ipAddress), AuditActions.SetupCompleted,
            "Staff", admin.Id, new { admin.Email, Roles = new[] { Roles.Administrator } });
        await appender.CommitAsync();
        return SetupResult.Of(SetupOutcome.Completed);
    }

    private static bool TokensMatch(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected.Trim()),
            System.Text.Encoding.UTF8.GetBytes(given.Trim().ToUpperInvariant()));
}
