using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Staff;


/// <summary>
/// Staff accounts for Administrators. Every change runs in its own scope and transaction with its audit event;
/// the console never ends up without an enabled Administrator.
/// </summary>
public sealed class StaffService(
    IDbContextFactory<AppDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    PermissionGuard guard,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<PagedResult<StaffRow>> ListAsync(StaffQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(StaffPermissions.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(search) || u.DisplayName.Contains(query.Search.Trim()));
        }
        var total = await users.CountAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var page = await users.OrderBy(u => u.NormalizedEmail)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rows = page.Select(u => new StaffRow(u.Id, u.Email!, u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.IsDisabled, u.LockoutEnd > now, u.TwoFactorEnabled, u.CreatedAtUtc, u.Id == actor.Id)).ToList();
        return new PagedResult<StaffRow>(rows, total);
    }

    public async Task<Result<string>> CreateAsync(NewStaffForm form, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(StaffPermissions.Manage);
        var errors = StaffRules.Validate(form);
        if (errors.Count > 0) return Result.Invalid(errors);

        string? link = null;
        var result = await InTransactionAsync(async (users, db, appender) =>
        {
            var staff = new ApplicationUser
            {
                UserName = form.Email.Trim(), Email = form.Email.Trim(), EmailConfirmed = true,
                DisplayName = form.DisplayName.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(staff);
            if (!created.Succeeded)
            {
                return Result.Invalid(created.Errors.Select(e => new FieldError(nameof(form.Email), "Identity.Message", e.Description)).ToList());
            }
            Ensure(await users.AddToRolesAsync(staff, form.Roles.Order()));
            link = await SetPasswordPathAsync(users, staff);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.StaffCreated, "Staff", staff.Id,
                new { staff.Email, staff.DisplayName, Roles = form.Roles.Order().ToArray() }, cancellationToken);
            return Result.Ok;
        });
        return result.Succeeded ? Result<string>.Ok(link!) : result;
    }

    /// <summary>
    /// A new one-time link with which the person sets a password (first time, or after forgetting it). The new security
    /// stamp revokes every earlier link (a link's code is bound to the stamp) and ends the person's sessions.
    /// </summary>
    public async Task<Result<string>> IssuePasswordLinkAsync(string userId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(StaffPermissions.Manage);
        string? link = null;
        var result = await ChangeAsync(userId, async (users, db, appender, staff) =>
        {
            Ensure(await users.UpdateSecurityStampAsync(staff));
            link = await SetPasswordPathAsync(users, staff);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.StaffPasswordLinkIssued, "Staff", staff.Id, new { staff.Email }, cancellationToken);
            return Result.Ok;
        });
        return result.Succeeded ? Result<string>.Ok(link!) : result;
    }

    public async Task<Result> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(StaffPermissions.Manage);
        var errors = StaffRules.ValidateRoles(roles).ToList();
        if (errors.Count > 0) return Result.Invalid(errors);

        return await ChangeAsync(userId, async (users, db, appender, staff) =>
        {
            var current = await users.GetRolesAsync(staff);
            var removesAdmin = current.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator);
            if (removesAdmin && !staff.IsDisabled && await IsLastEnabledAdministratorAsync(users))
            {
                return Result.Refused("Staff.LastAdministrator");
            }
            Ensure(await users.RemoveFromRolesAsync(staff, current.Except(roles)));
            Ensure(await users.AddToRolesAsync(staff, roles.Except(current)));
            Ensure(await users.UpdateSecurityStampAsync(staff));
            await appender.SaveWithAuditAsync(db, actor, AuditActions.StaffRolesChanged, "Staff", staff.Id,
                new { staff.Email, before = current.Order().ToArray(), after = roles.Order().ToArray() }, cancellationToken);
            return Result.Ok;
        });
    }

    public async Task<Result> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(StaffPermissions.Manage);
        if (disabled && userId == actor.Id) return Result.Refused("Staff.CannotDisableSelf");

        return await ChangeAsync(userId, async (users, db, appender, staff) =>
        {
            if (staff.IsDisabled == disabled) return Result.Ok;
            if (disabled && await users.IsInRoleAsync(staff, Roles.Administrator) && await IsLastEnabledAdministratorAsync(users))
            {
                return Result.Refused("Staff.LastAdministrator");
            }
            staff.IsDisabled = disabled;
            Ensure(await users.UpdateSecurityStampAsync(staff)); // ends the person's open sessions
            await appender.SaveWithAuditAsync(db, actor, disabled ? AuditActions.StaffDisabled : AuditActions.StaffEnabled,
                "Staff", staff.Id, new { staff.Email }, cancellationToken);
            return Result.Ok;
        });
    }

    public async Task<Result> UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(StaffPermissions.Manage);
        return await ChangeAsync(userId, async (users, db, appender, staff) =>
        {
            Ensure(await users.SetLockoutEndDateAsync(staff, null));
            Ensure(await users.ResetAccessFailedCountAsync(staff));
            await appender.SaveWithAuditAsync(db, actor, AuditActions.StaffUnlocked, "Staff", staff.Id, new { staff.Email }, cancellationToken);
            return Result.Ok;
        });
    }

    /// <summary>For a person who lost their authenticator: two-factor off and a new key, so they enrol again.</summary>
    public async Task<Result> ResetTwoFactorAsync(string userId, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(StaffPermissions.Manage);
        return await ChangeAsync(userId, async (users, db, appender, staff) =>
        {
            Ensure(await users.SetTwoFactorEnabledAsync(staff, false));
            Ensure(await users.ResetAuthenticatorKeyAsync(staff));
            await appender.SaveWithAuditAsync(db, actor, AuditActions.StaffTwoFactorReset, "Staff", staff.Id, new { staff.Email }, cancellationToken);
            return Result.Ok;
        });
    }

    private Task<Result> ChangeAsync(string userId,
        Func<UserManager<ApplicationUser>, AppDbContext, AuditTrail.AuditedTransaction, ApplicationUser, Task<Result>> change) =>
        InTransactionAsync(async (users, db, appender) =>
            await users.FindByIdAsync(userId) is { } staff ? await change(users, db, appender, staff) : Result.Refused("Staff.NotFound"));

    /// <summary>Identity's own saves and the audit event commit together, or not at all.</summary>
    private async Task<Result> InTransactionAsync(Func<UserManager<ApplicationUser>, AppDbContext, AuditTrail.AuditedTransaction, Task<Result>> work)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var appender = await audit.BeginAsync(db);
        try
        {
            var result = await work(users, db, appender);
            if (result.Succeeded) await appender.CommitAsync();
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict;
        }
        catch (IdentityChangeFailed failed)
        {
            return failed.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? Result.Conflict : Result.Refused("Staff.ChangeFailed");
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded) throw new IdentityChangeFailed(result.Errors.First().Code);
    }

    private sealed class IdentityChangeFailed(string code) : Exception(code)
    {
        public string Code { get; } = code;
    }

    private static async Task<bool> IsLastEnabledAdministratorAsync(UserManager<ApplicationUser> users) =>
        (await users.GetUsersInRoleAsync(Roles.Administrator)).Count(u => !u.IsDisabled) <= 1;

    private static async Task<string> SetPasswordPathAsync(UserManager<ApplicationUser> users, ApplicationUser staff)
    {
        var token = await users.GeneratePasswordResetTokenAsync(staff);
        return $"Account/ResetPassword?user={Uri.EscapeDataString(staff.Id)}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
    }
}
