namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>The add and edit form of a bank; <see cref="Id"/> is null for a new bank.</summary>
public sealed class HashBankForm
{
    public long? Id { get; set; }
    public string Name { get; set; } = "";
    public HashBankKind Kind { get; set; } = HashBankKind.Block;
    public string? ReasonCode { get; set; }
    public int MatchDistance { get; set; } = HashBank.DefaultMatchDistance;
    public string? Note { get; set; }
    public int Version { get; set; }
}

public sealed record HashBankRow(long Id, string Name, HashBankKind Kind, string? ReasonCode, int MatchDistance, bool Enabled, string? Note,
    int EntryCount, DateTime UpdatedAtUtc, string UpdatedByName, int Version);

public sealed record HashBankEntryRow(long Id, string Hash, int? Quality, HashBankEntryOrigin Origin, long? ReviewCaseId, string? Note,
    DateTime AddedAtUtc, string AddedByName);

/// <summary>One hash to add to a bank, as typed, read from a CSV line or sent by the platform.</summary>
public sealed record HashEntryInput(string? Hash, int? Quality, string? Note);

public enum HashEntryOutcome { Added, AlreadyInBank, Invalid }

/// <summary>What became of one hash: added (its entry), already in the bank, or invalid with the errors saying why.</summary>
public sealed record HashEntryResult(int Index, HashEntryOutcome Outcome, long? EntryId, IReadOnlyList<Common.FieldError> Errors);

/// <summary>An enabled block bank a decision can add its item's hashes to.</summary>
public sealed record BankChoice(long Id, string Name);
