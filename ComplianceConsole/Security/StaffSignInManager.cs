using ComplianceConsole.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Security;

/// <summary>
/// Identity's sign-in manager, except that a disabled staff account cannot sign in, and that an address without an
/// account costs the same password hashing and gets the same answers, lockout included, as one with an account.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    SignInThrottle throttle)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser Nobody = new();
    private static string? s_nobodysHash;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user) return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);

        var hasher = UserManager.PasswordHasher;
        s_nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, s_nobodysHash, password);
        var lockedOut = await throttle.FailUnknownAccountAsync(userName, Context.RequestAborted);
        return lockedOut && lockoutOnFailure ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
