namespace ComplianceConsole.Features.Exports;

/// <summary>A filter of one enum, its values named by the keys the rest of the console shows them with.</summary>
internal static class ExportFilters
{
    public static ExportFilter Of<TEnum>(string key, string labelPrefix) where TEnum : struct, Enum =>
        new(key, Enum.GetValues<TEnum>().Select(value => new ExportFilterOption(value.ToString(), $"{labelPrefix}.{value}")).ToList());

    /// <summary>The value a request gives the filter, or null when it gives none or one the kind does not offer.</summary>
    public static TEnum? Value<TEnum>(ExportRequest request, string key) where TEnum : struct, Enum =>
        request.Filters.TryGetValue(key, out var text) && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<TEnum>(text)
            : null;
}
