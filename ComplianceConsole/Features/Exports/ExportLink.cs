using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// The export page's address with a request already chosen: <c>exports?kind=…&amp;from=…&amp;to=…&amp;filter.{key}=…</c>,
/// the period as China Standard Time days, both included. Tiles that count a register's rows link to it; the page reads it back.
/// </summary>
public static class ExportLink
{
    private const string FilterPrefix = "filter.";

    public static string For(ExportKind kind, DateOnly firstDay, DateOnly lastDay, params (string Key, string Value)[] filters)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("kind", kind.ToString()),
            new("from", firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("to", lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        query.AddRange(filters.Select(f => new KeyValuePair<string, string?>(FilterPrefix + f.Key, f.Value)));
        return QueryHelpers.AddQueryString("exports", query);
    }

    /// <summary>
    /// The form an address asks for: its kind when offered, its days when both read as dates, and only the filters and
    /// options that kind offers (an address is typed by people too; what it gets wrong is left for the person to choose).
    /// </summary>
    public static ExportForm Read(string uri, IReadOnlyList<IExportSource> sources)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        var form = new ExportForm();
        var source = query.TryGetValue("kind", out var kind) && Enum.TryParse<ExportKind>(kind, out var parsed)
            ? sources.FirstOrDefault(s => s.Kind == parsed)
            : null;
        form.Kind = source?.Kind;
        if (Day(query, "from") is { } from && Day(query, "to") is { } to && from <= to) (form.FromDay, form.ToDay) = (from, to);
        if (source is null) return form;
        foreach (var filter in source.Filters)
        {
            if (query.TryGetValue(FilterPrefix + filter.Key, out var value) && filter.Options.Any(o => o.Value == value))
            {
                form.Filters[filter.Key] = value.ToString();
            }
        }
        return form;
    }

    private static DateTime? Day(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string key) =>
        query.TryGetValue(key, out var value) && DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToDateTime(TimeOnly.MinValue)
            : null;
}
