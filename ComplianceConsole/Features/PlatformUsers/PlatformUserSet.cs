using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>The platform users as a query root, <c>db.PlatformUsers()</c>, as other features' sets are <c>db.Flags</c> or <c>db.Sanctions</c>.</summary>
public static class PlatformUserSet
{
    public static DbSet<PlatformUser> PlatformUsers(this AppDbContext db) => db.Set<PlatformUser>();
}
