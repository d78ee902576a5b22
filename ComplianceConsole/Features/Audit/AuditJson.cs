using System.Text.Json;

namespace ComplianceConsole.Features.Audit;

/// <summary>Reads the fields of an audit event's details (JSON as <see cref="AuditTrail"/> wrote it: enums by name); absent or null is null.</summary>
public static class AuditJson
{
    public static JsonElement? Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public static TEnum? Enum<TEnum>(JsonElement parent, string name) where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(Text(parent, name), out var value) ? value : null;
}
