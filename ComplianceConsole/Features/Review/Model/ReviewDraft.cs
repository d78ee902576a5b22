namespace ComplianceConsole.Features.Review;

/// <summary>
/// What one staff member has typed on one case and not yet saved (the decision form, an appeal decision, an internal note),
/// kept so that a lapsed claim, a reload or a lost connection loses nothing. Encrypted like personal data, since a typed
/// answer to a complainant may hold some; removed when the case is decided.
/// </summary>
public sealed class ReviewDraft
{
    public long Id { get; set; }
    public long ReviewCaseId { get; set; }
    public string StaffId { get; set; } = "";
    public byte[] ContentCipher { get; set; } = [];
    public DateTime SavedAtUtc { get; set; }
}
