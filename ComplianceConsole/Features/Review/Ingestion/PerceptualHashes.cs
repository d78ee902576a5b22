using ComplianceConsole.Common;
using ComplianceConsole.Features.Review.HashBanks;

namespace ComplianceConsole.Features.Review;

/// <summary>The rules for the PDQ hashes the platform sends with an item, and their one-line form for comparing.</summary>
internal static class PerceptualHashes
{
    public static List<ContentPerceptualHash> Validate(IReadOnlyList<PerceptualHashSubmission>? submitted, List<FieldError> errors)
    {
        var hashes = new List<ContentPerceptualHash>();
        if (submitted is null) return hashes;
        if (submitted.Count > HashBankRules.MaxHashesPerItem)
        {
            errors.Add(new("perceptualHashes", "Content.TooManyHashes", HashBankRules.MaxHashesPerItem));
            return hashes;
        }
        for (var i = 0; i < submitted.Count; i++)
        {
            var field = $"perceptualHashes[{i}]";
            if (submitted[i] is not { } s)
            {
                errors.Add(new(field, "Validation.Required"));
                continue;
            }
            if (!PdqHash.TryParse(s.Hash?.Trim(), out var hash)) errors.Add(new($"{field}.hash", "Content.PdqHashInvalid", PdqHash.HexLength));
            if (s.Quality is < 0 or > HashBankRules.MaxQuality) errors.Add(new($"{field}.quality", "Content.PdqQualityInvalid", HashBankRules.MaxQuality));
            if (s.FrameAtMs < 0) errors.Add(new($"{field}.frameAtMs", "Content.FrameTimeInvalid"));
            hashes.Add(new ContentPerceptualHash { Hash = hash.ToString(), Quality = s.Quality, FrameAtMs = s.FrameAtMs, Origin = PerceptualHashOrigin.Platform });
        }
        return hashes.DistinctBy(h => (h.Hash, h.FrameAtMs)).ToList();
    }

    public static string? Text(IEnumerable<ContentPerceptualHash> hashes)
    {
        var text = string.Join(" ", hashes.OrderBy(h => h.FrameAtMs).ThenBy(h => h.Hash, StringComparer.Ordinal)
            .Select(h => $"{h.Hash}/{h.Quality}/{h.FrameAtMs}"));
        return text.Length == 0 ? null : text;
    }
}
