namespace ComplianceConsole.Features.Staff;

public sealed record StaffQuery(string? Search, int Page, int PageSize);

/// <param name="IsYou">The administrator looking at the list: nobody may disable themself, so it is not offered.</param>
public sealed record StaffRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled,
    bool IsLockedOut, bool TwoFactorEnabled, DateTime CreatedAtUtc, bool IsYou = false);

public sealed class NewStaffForm
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public HashSet<string> Roles { get; set; } = [];
}
