namespace ComplianceConsole.Features.Api;

/// <summary>The calls one API key (or, unauthenticated, one address) made of one kind in one minute, counted for every instance.</summary>
public sealed class ApiRateWindow
{
    public required string Caller { get; set; }
    public required string Scope { get; set; }

    /// <summary>Whole minutes since the Unix epoch, UTC.</summary>
    public long Minute { get; set; }

    public int Calls { get; set; }
}
