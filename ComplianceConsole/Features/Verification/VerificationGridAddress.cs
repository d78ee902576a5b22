using System.Globalization;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// The records grid's filter and sort as they travel in its address (<c>verification?status=Pending&amp;sort=SubmittedOldest</c>), so
/// another page (the dashboard) can link to a filtered list. Periods are China Standard Time days, both ends included, as the filter
/// bar's date pickers give them. Anything unknown is left out.
/// </summary>
public static class VerificationGridAddress
{
    private const string DateFormat = "yyyy-MM-dd";

    public static string For(VerificationFilter filter, VerificationSort sort = VerificationSort.SubmittedNewest)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = filter.Status?.ToString(),
            ["method"] = filter.Method?.ToString(),
            ["submittedFrom"] = Day(filter.SubmittedFromUtc),
            ["submittedTo"] = Day(filter.SubmittedToUtc?.AddDays(-1)),
            ["decidedFrom"] = Day(filter.DecidedFromUtc),
            ["decidedTo"] = Day(filter.DecidedToUtc?.AddDays(-1)),
            ["sort"] = sort == VerificationSort.SubmittedNewest ? null : sort.ToString(),
        };
        return QueryHelpers.AddQueryString("verification", query.Where(p => p.Value is not null));
    }

    public static (VerificationFilter Filter, VerificationSort Sort) Parse(string? query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var value) ? value.ToString() : null;
        var filter = new VerificationFilter
        {
            Status = Named<VerificationStatus>(Get("status")),
            Method = Named<VerificationMethod>(Get("method")),
            SubmittedFromUtc = ChinaTime.DayStartUtc(Date(Get("submittedFrom"))),
            SubmittedToUtc = ChinaTime.DayEndUtc(Date(Get("submittedTo"))),
            DecidedFromUtc = ChinaTime.DayStartUtc(Date(Get("decidedFrom"))),
            DecidedToUtc = ChinaTime.DayEndUtc(Date(Get("decidedTo"))),
        };
        filter = VerificationGridRules.Offered(filter);
        return (filter, VerificationGridRules.Fit(filter, Named<VerificationSort>(Get("sort")) ?? VerificationSort.SubmittedNewest));
    }

    private static string? Day(DateTime? utc) => utc is { } value ? ChinaTime.FromUtc(value).ToString(DateFormat, CultureInfo.InvariantCulture) : null;

    private static DateTime? Date(string? text) =>
        DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static TEnum? Named<TEnum>(string? text) where TEnum : struct, Enum =>
        text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.OrdinalIgnoreCase) ? Enum.Parse<TEnum>(text, ignoreCase: true) : null;
}
