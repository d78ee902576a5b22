using System.Text.Json;
using ComplianceConsole.Features.Exports;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// An item's labels at one moment (Art. 16-18): declared as AI-generated or not, the explicit and implicit label states and the
/// GB 45438 <c>AIGC</c> fields. Earlier moments are found by undoing the recorded changes (<see cref="ContentItemChange"/>) newest first,
/// so a later re-send never rewrites what an earlier moment was.
/// </summary>
internal sealed record LabelSnapshot(bool Declared, LabelStatus Explicit, LabelStatus Implicit, AigcLabel? Aigc, string? ContentProducer, string? ProduceId,
    string? ContentPropagator, string? PropagateId, string? ReservedCode1, string? ReservedCode2)
{
    /// <summary>The fields of a change (as <c>ContentChanges</c> names them) that the labels register follows.</summary>
    public static readonly string[] Fields =
    [
        "declaredAiGenerated", "explicitLabelStatus", "implicitLabelStatus", "implicitLabel.label", "implicitLabel.contentProducer", "implicitLabel.produceId",
        "implicitLabel.contentPropagator", "implicitLabel.propagateId", "implicitLabel.reservedCode1", "implicitLabel.reservedCode2",
    ];

    public static LabelSnapshot Of(ContentItem item) => new(item.DeclaredAiGenerated, item.ExplicitLabel, item.ImplicitLabel, item.AigcLabel, item.ContentProducer,
        item.ProduceId, item.ContentPropagator, item.PropagateId, item.ReservedCode1, item.ReservedCode2);

    /// <summary>The state before a change, from the change's "from" values; fields it did not change stay.</summary>
    public LabelSnapshot Before(JsonElement change) => new(
        From(change, Fields[0], Declared, v => v.GetBoolean()),
        From(change, Fields[1], Explicit, v => Enum.Parse<LabelStatus>(v.GetString()!)),
        From(change, Fields[2], Implicit, v => Enum.Parse<LabelStatus>(v.GetString()!)),
        From(change, Fields[3], Aigc, v => Enum.Parse<AigcLabel>(v.GetString()!)),
        From(change, Fields[4], ContentProducer, v => v.GetString()),
        From(change, Fields[5], ProduceId, v => v.GetString()),
        From(change, Fields[6], ContentPropagator, v => v.GetString()),
        From(change, Fields[7], PropagateId, v => v.GetString()),
        From(change, Fields[8], ReservedCode1, v => v.GetString()),
        From(change, Fields[9], ReservedCode2, v => v.GetString()));

    /// <summary>The label fields a change touched, in the order of <see cref="Fields"/>.</summary>
    public static IReadOnlyList<string> Touched(JsonElement change) => [.. Fields.Where(f => change.TryGetProperty(f, out _))];

    private static T From<T>(JsonElement change, string field, T now, Func<JsonElement, T> read) =>
        !change.TryGetProperty(field, out var values) ? now
        : values.GetProperty("from") is { ValueKind: JsonValueKind.Null } ? default!
        : read(values.GetProperty("from"));
}
