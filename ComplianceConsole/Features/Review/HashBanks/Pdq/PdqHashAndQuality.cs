namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>
/// A PDQ hash with the reference's quality, 0-100: how much significant gradient the 64x64 downsample has. The reference
/// (pdq/README.md) recommends discarding hashes of quality 49 or less as too featureless to match reliably; that policy is
/// the caller's.
/// </summary>
public readonly record struct PdqHashAndQuality(PdqHash Hash, int Quality);
