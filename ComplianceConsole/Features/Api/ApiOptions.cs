namespace ComplianceConsole.Features.Api;

/// <summary>The platform API's limits, from <c>ComplianceConsole:Api</c>. The README's configuration table says why these defaults.</summary>
public sealed class ApiOptions
{
    public const string Section = "ComplianceConsole:Api";

    /// <summary>
    /// The largest request body. A full batch (1,000 items) with every field at its longest (a 512-character token)
    /// and every character JSON-escaped (<c>\u738B</c>, as many serializers write Chinese) is under 5 MB.
    /// </summary>
    public long MaxRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Submission calls one key may make a minute: each carries up to 1,000 items, so 600 calls are up to 10,000 items
    /// a second, the write rate the console is built for; a back-fill is never throttled below what can be stored.
    /// </summary>
    public int SubmitRequestsPerMinute { get; set; } = 600;

    /// <summary>Eligibility checks one key may make a minute: the platform asks on every publish, 200 a second on average.</summary>
    public int EligibilityRequestsPerMinute { get; set; } = 12_000;
}
