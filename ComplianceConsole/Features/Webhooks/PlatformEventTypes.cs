namespace ComplianceConsole.Features.Webhooks;

/// <summary>The event types the platform can subscribe to; <see cref="Test"/> goes only to the endpoint it was sent to.</summary>
public static class PlatformEventTypes
{
    public const string DecisionMade = "decision.made";
    public const string SanctionApplied = "sanction.applied";
    public const string SanctionLifted = "sanction.lifted";
    public const string AppealDecided = "appeal.decided";
    public const string VerificationDecided = "verification.decided";
    public const string Test = "webhook.test";

    /// <summary>Each signed checkpoint of the audit chain, so the platform keeps a witness copy of the console's history (README).</summary>
    public const string AuditCheckpoint = "audit.checkpoint";

    public static readonly IReadOnlyList<string> Subscribable = [DecisionMade, SanctionApplied, SanctionLifted, AppealDecided, VerificationDecided, AuditCheckpoint];
}
