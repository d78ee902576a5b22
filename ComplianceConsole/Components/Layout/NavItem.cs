namespace ComplianceConsole.Components.Layout;

/// <summary>A navigation entry, shown only to people who hold its permission (none: everyone signed in).</summary>
public sealed record NavItem(string Href, string Icon, string LabelKey, string? Permission);
