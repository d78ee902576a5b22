namespace ComplianceConsole.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "ComplianceConsole:Webhooks";

    /// <summary>Allows URLs on loopback, link-local and private networks (tests; a platform on the same network).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How often the dispatcher looks for deliveries that are due (it is also woken after each commit that published events).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long one attempt may take, connecting and answering included.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles with each further failure (±20 % jitter) up to <see cref="BackoffCapSeconds"/>.</summary>
    public double BackoffBaseSeconds { get; set; } = 10;

    public double BackoffCapSeconds { get; set; } = 7200;

    /// <summary>Failed attempts after which one delivery is given up (20 at the defaults span about a day).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Failed attempts in a row, with no success between, after which the endpoint is disabled.</summary>
    public int DisableAfterFailures { get; set; } = 20;

    public TimeSpan Backoff(int failures)
    {
        var seconds = BackoffBaseSeconds * Math.Pow(2, Math.Max(0, failures - 1));
        var jittered = seconds * (0.8 + 0.4 * Random.Shared.NextDouble());
        return TimeSpan.FromSeconds(Math.Min(BackoffCapSeconds, jittered));
    }
}
