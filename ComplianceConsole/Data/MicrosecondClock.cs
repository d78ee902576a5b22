namespace ComplianceConsole.Data;

/// <summary>
/// The app's clock, to the whole microsecond: PostgreSQL keeps times to the microsecond, so a time the app answers with
/// right after saving it must already be what it reads back later (and what a hash over it covers). SQLite keeps more,
/// and gets the same times, so both providers behave alike.
/// </summary>
internal sealed class MicrosecondClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
