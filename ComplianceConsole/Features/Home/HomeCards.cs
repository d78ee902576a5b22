using ComplianceConsole.Components.Layout;

namespace ComplianceConsole.Features.Home;

/// <summary>
/// A home-page card for a feature the person may use, with a line on what it is for. Where only some who may open
/// it may also act (decide records), those who may only look get a line that promises no more than that.
/// </summary>
public sealed record HomeCard(NavItem Item, string DescriptionKey, string? ActingPermission = null)
{
    public string ReadOnlyDescriptionKey => DescriptionKey + ".ReadOnly";
}

public static class HomeCards
{
    private static readonly Dictionary<string, string> ActingPermissions = new()
    {
        ["Nav.Verification"] = Verification.VerificationPermissions.Decide,
        ["Nav.Duplicates"] = Verification.VerificationPermissions.Decide,
        ["Nav.Review"] = Review.ReviewPermissions.Decide,
    };

    public static readonly IReadOnlyList<HomeCard> All = NavMenu.Items
        .Where(item => item.Permission is not null)
        .Select(item => new HomeCard(item, item.LabelKey.Replace("Nav.", "Home.Describe."), ActingPermissions.GetValueOrDefault(item.LabelKey)))
        .ToList();
}
