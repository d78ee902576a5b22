using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ComplianceConsole.Security;

/// <summary>
/// Identity's store, which also tells open pages when a saved change gave an account a new security stamp, so the
/// person's pages end at once wherever the change came from (an Administrator, the person's own account pages, sign-out).
/// </summary>
public sealed class StaffUserStore(AppDbContext context, ILiveNotifier live, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, AppDbContext>(context, describer)
{
    private readonly HashSet<string> _newStamps = [];

    public override Task SetSecurityStampAsync(ApplicationUser user, string stamp, CancellationToken cancellationToken = default)
    {
        _newStamps.Add(user.Id);
        return base.SetSecurityStampAsync(user, stamp, cancellationToken);
    }

    public override async Task<IdentityResult> UpdateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        if (result.Succeeded && _newStamps.Remove(user.Id)) live.Publish(new StaffSessionsEnded(user.Id));
        return result;
    }
}
