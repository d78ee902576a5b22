namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// That an entry was removed from its bank, in the order of removal: every instance's matcher reads the removals after the
/// last it saw and drops those entries from its index, where a removal once made every instance rebuild the index of all
/// the enabled banks (some 4 s at a million hashes, while ingestion waited).
/// </summary>
public sealed class HashBankEntryRemoval
{
    public long Id { get; set; }
    public long HashBankId { get; set; }
    public long EntryId { get; set; }
    public DateTime RemovedAtUtc { get; set; }
}
