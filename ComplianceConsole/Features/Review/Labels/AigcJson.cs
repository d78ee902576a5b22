using System.Text.Json;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// The <c>AIGC</c> value of GB 45438-2025 Appendix E: a JSON object of seven named fields. Every value in the standard's
/// example and in the TC260 practice guide's samples (TC260-PG-20258A) is a JSON string, <c>"Label":"1"</c> included, so
/// a value of another type (a number 1 for Label) is malformed rather than guessed at. Unknown fields are ignored; a
/// field that is absent or null is reported as missing by the check, not here.
/// </summary>
public static class AigcJson
{
    public const string TooLong = "too_long";
    public const string InvalidJson = "invalid_json";
    public const string NotAnObject = "not_an_object";
    public const string NotAString = "not_a_string";

    /// <summary>Every code a parse error may have, each put in words as <c>FileLabel.ParseError.{Code}</c>.</summary>
    public static readonly IReadOnlyList<string> Codes = [TooLong, InvalidJson, NotAnObject, NotAString];

    private static readonly string[] FieldNames =
        ["Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2"];

    // The object is flat; anything nested deeper is not a label and need not be walked.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 4 };

    public static FoundImplicitLabel Parse(ImplicitLabelPlace place, string raw, int maxChars)
    {
        if (raw.Length > maxChars) return new(place, raw[..maxChars], null, new(TooLong));
        try
        {
            using var document = JsonDocument.Parse(raw, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new(place, raw, null, new(NotAnObject));
            var values = new string?[FieldNames.Length];
            for (var i = 0; i < FieldNames.Length; i++)
            {
                if (!document.RootElement.TryGetProperty(FieldNames[i], out var value) || value.ValueKind == JsonValueKind.Null) continue;
                if (value.ValueKind != JsonValueKind.String) return new(place, raw, null, new(NotAString, FieldNames[i]));
                values[i] = value.GetString();
            }
            return new(place, raw, new AigcFields(values[0], values[1], values[2], values[3], values[4], values[5], values[6]), null);
        }
        catch (JsonException)
        {
            return new(place, raw, null, new(InvalidJson));
        }
    }
}
