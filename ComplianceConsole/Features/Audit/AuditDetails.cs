using System.Text.Json;
using ComplianceConsole.Common;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Audit;

/// <summary>One labelled line of an audit event's details: the field's path (nested objects flattened) and its text.</summary>
public sealed record AuditDetail(string Label, string Value);

/// <summary>
/// An audit event's details (JSON) for people: localised field names, enum names and reason codes in words
/// (numbers from events written before enums were stored by name included), text unescaped, lists joined.
/// The stored text is left exactly as hashed.
/// </summary>
public static class AuditDetails
{
    // Field (last path segment, lower case) → the string-table prefix its values are named under.
    private static readonly Dictionary<string, string> ValuePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["action"] = "Action.", ["to"] = "Status.", ["method"] = "Method.", ["reasoncode"] = "Reason.",
        ["roles"] = "Role.", ["before"] = "Role.", ["after"] = "Role.",
    };

    // Events written before enums were stored by name hold their numbers.
    private static readonly Dictionary<string, Type> NumberedEnums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["action"] = typeof(Verification.VerificationAction), ["to"] = typeof(Verification.VerificationStatus),
        ["method"] = typeof(Verification.VerificationMethod),
    };

    public static IReadOnlyList<AuditDetail> Describe(string? json, IStringLocalizer localizer)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return [new AuditDetail(localizer["Audit.Details"], json)];
        }
        using (document)
        {
            var details = new List<AuditDetail>();
            Flatten(document.RootElement, [], details, localizer);
            return details;
        }
    }

    /// <summary>The details on one line, for the log's table; the full list is in the event's dialog.</summary>
    public static string Summary(string? json, IStringLocalizer localizer) =>
        string.Join(" · ", Describe(json, localizer).Select(d => $"{d.Label}: {d.Value}"));

    private static void Flatten(JsonElement element, List<string> path, List<AuditDetail> details, IStringLocalizer localizer)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, [.. path, property.Name], details, localizer);
            }
            return;
        }
        var field = path.LastOrDefault() ?? "";
        var label = path.Count == 0 ? localizer["Audit.Details"].Value : string.Join(" · ", path.Select(p => Label(p, localizer)));
        var value = element.ValueKind == JsonValueKind.Array
            ? string.Join(", ", element.EnumerateArray().Select(item => Value(item, field, localizer)))
            : Value(element, field, localizer);
        details.Add(new AuditDetail(label, value));
    }

    private static string Label(string field, IStringLocalizer localizer) =>
        localizer[$"AuditField.{field.ToLowerInvariant()}"] is { ResourceNotFound: false } label ? label.Value : field;

    private static string Value(JsonElement element, string field, IStringLocalizer localizer)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.True => localizer["Common.Yes"],
            JsonValueKind.False => localizer["Common.No"],
            JsonValueKind.Number when NumberedEnums.TryGetValue(field, out var type) && element.TryGetInt32(out var number)
                => Enum.GetName(type, number) ?? element.GetRawText(),
            JsonValueKind.Object or JsonValueKind.Array => Unescaped(element),
            _ => element.GetRawText(),
        };
        if (text.Length == 0) return Display.Dash;
        return ValuePrefixes.TryGetValue(field, out var prefix) && localizer[prefix + text] is { ResourceNotFound: false } named ? named.Value : text;
    }

    private static string Unescaped(JsonElement element) =>
        JsonSerializer.Serialize(element, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
