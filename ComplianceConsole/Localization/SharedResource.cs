namespace ComplianceConsole.Localization;

/// <summary>
/// Marker for the app's one string table: SharedResource.resx holds Simplified Chinese (the default),
/// SharedResource.en.resx English.
/// </summary>
public sealed class SharedResource;
