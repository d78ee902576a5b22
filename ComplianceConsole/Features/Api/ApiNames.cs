namespace ComplianceConsole.Features.Api;

/// <summary>How the API reads the enum values it is sent: by name only, case-insensitive (numbers are not names).</summary>
public static class ApiNames
{
    /// <summary>Null when absent, the undefined value 0 when unknown, which validation then reports against the field.</summary>
    public static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum =>
        string.IsNullOrWhiteSpace(name) ? null
        : !name.Any(char.IsDigit) && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) ? value
        : default(TEnum);
}
