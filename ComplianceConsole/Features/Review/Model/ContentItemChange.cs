namespace ComplianceConsole.Features.Review;

/// <summary>A change the platform made to an item it had sent before: which fields, from what to what.</summary>
public sealed class ContentItemChange
{
    public long Id { get; set; }
    public long ContentItemId { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";

    /// <summary>JSON object: field name → { "from": ..., "to": ... }.</summary>
    public string ChangesJson { get; set; } = "";
}
