namespace ComplianceConsole.Features.Review.Labels;

/// <summary>An item's file was read, or its fetch failed, and the reading is stored: a case page showing the item shows it now.</summary>
public sealed record ContentFileRead(long ContentItemId);
