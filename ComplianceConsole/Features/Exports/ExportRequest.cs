namespace ComplianceConsole.Features.Exports;

/// <summary>
/// What one export covers: its kind, the period [<paramref name="FromUtc"/>, <paramref name="ToUtc"/>), the kind's
/// filters by key (only keys the kind offers; values as the filter's option values), and whether PII is written
/// unmasked (only ever true after <c>Exports.Unmasked</c> + <c>Pii.Reveal</c> and a typed reason).
/// </summary>
public sealed record ExportRequest(
    ExportKind Kind,
    DateTime FromUtc,
    DateTime ToUtc,
    IReadOnlyDictionary<string, string> Filters,
    bool Unmasked);
