namespace ComplianceConsole.Features.Review;

/// <summary>The keys of the filters the review kinds offer, as an export's address carries them (<c>filter.outcome=Removed</c>).</summary>
internal static class ReviewExportFilters
{
    public const string Outcome = "outcome";
    public const string Category = "category";
    public const string Source = "source";
    public const string SanctionKind = "sanctionKind";
    public const string Bucket = "bucket";
}
