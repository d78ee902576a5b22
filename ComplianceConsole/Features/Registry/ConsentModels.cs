namespace ComplianceConsole.Features.Registry;

/// <summary>A consent as the platform or a Manager records it.</summary>
public sealed record ConsentSubmission(
    string? ExternalId, string? ExternalUserId, string? DepictedPersonRef, string? DepictedPersonName, BiometricEdit? Edits, string? Scope,
    DateTime? ValidFromUtc, DateTime? ValidUntilUtc, ConsentMethod? Method);

public enum ConsentRecordOutcome { Created, AlreadyRecorded, Invalid }

public sealed record ConsentRecordResult(ConsentRecordOutcome Outcome, long? Id, IReadOnlyList<Common.FieldError> Errors);

/// <summary>The answer to "may this user edit this person's face (or voice) now?".</summary>
public sealed record ConsentCheck(bool Valid, ConsentState State, string? ConsentExternalId, DateTime? ValidUntilUtc);

public sealed record ConsentFilter(string? ExternalUserId = null, bool? CurrentlyValid = null);

/// <summary>A consent row: the depicted person's name masked.</summary>
public sealed record ConsentRow(long Id, string ExternalId, string ExternalUserId, string DepictedPersonRef, string DepictedPersonNameMasked,
    BiometricEdit Edits, string Scope, DateTime ValidFromUtc, DateTime? ValidUntilUtc, ConsentMethod Method, DateTime? WithdrawnAtUtc,
    DateTime RecordedAtUtc, string RecordedByName, int EvidenceFiles, int Version);
