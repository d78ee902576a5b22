namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>An entry of a hash bank near a query hash: the id it was added under and its Hamming distance in bits.</summary>
public readonly record struct PdqMatch(long EntryId, int Distance);
