using ComplianceConsole.Components.Layout;

namespace ComplianceConsole.Features.Home;

/// <summary>A home-page card for a feature the person may use, with a line on what it is for.</summary>
public sealed record HomeCard(NavItem Item, string DescriptionKey);

public static class HomeCards
{
    public static readonly IReadOnlyList<HomeCard> All = NavMenu.Items
        .Where(item => item.Permission is not null)
        .Select(item => new HomeCard(item, item.LabelKey.Replace("Nav.", "Home.Describe.")))
        .ToList();
}
