using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceConsole.Data;

namespace ComplianceConsole.Features.Webhooks;

/// <summary>
/// The webhook outbox: features publish their events for the platform through <see cref="Add"/> (Review's and Verification's
/// own PlatformEvents classes build the payloads). Each call stages outbox rows on the caller's context, so they are saved by the
/// caller's own <c>SaveChanges</c> (its audit save) in the same transaction as the change they report, or not at all.
/// Payloads hold ids and codes, never names, identifiers or free text.
/// </summary>
public static class PlatformEvents
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Stages one event; without an ordering key it is ordered with nothing else.</summary>
    public static PlatformEvent Add(AppDbContext db, string type, string? orderingKey, object data, DateTime occurredAtUtc, long? endpointId = null)
    {
        var eventId = Guid.NewGuid();
        var evt = new PlatformEvent
        {
            EventId = eventId, Type = type, OrderingKey = orderingKey ?? eventId.ToString(), OccurredAtUtc = occurredAtUtc,
            Payload = JsonSerializer.Serialize(data, Json), EndpointId = endpointId,
        };
        db.PlatformEventOutbox.Add(evt);
        return evt;
    }
}
