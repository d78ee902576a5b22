using System.Text.Json;
using ComplianceConsole.Features.Review.HashBanks;

namespace ComplianceConsole.Features.Review;

/// <summary>A flag the console raises itself: a feature-library rule or a hash bank that matched, or a label check that failed.</summary>
internal sealed record AutomaticFlag(FlagSource Source, string ReasonCode, long? FeatureRuleId, string? MatchedText, BankMatch? Bank = null)
{
    /// <summary>An item gets each automatic flag once: a rule by its id, a bank by its id, a label check by its code.</summary>
    public string Key => KeyOf(Source, FeatureRuleId, ReasonCode, Bank?.BankId);

    public static string KeyOf(FlagSource source, long? featureRuleId, string? reasonCode, long? hashBankId) =>
        hashBankId is { } bank ? $"bank:{bank}" : source == FlagSource.FeatureLibrary ? $"rule:{featureRuleId}" : $"{source}:{reasonCode}";
}

internal static class AutomaticFlags
{
    /// <summary>The feature library's matches on the item's excerpt and hash, the hash banks' on its perceptual hashes, then the label checks' failures.</summary>
    public static List<AutomaticFlag> For(FeatureMatcher matcher, HashBankMatcher banks, ContentItem item, IReadOnlyList<ContentPerceptualHash> hashes)
    {
        var flags = matcher.Match(item.Excerpt, item.ContentHash).Matches
            .Select(m => new AutomaticFlag(FlagSource.FeatureLibrary, m.ReasonCode, m.RuleId,
                m.MatchedText.Length <= ContentRules.MaxMatchedTextLength ? m.MatchedText : m.MatchedText[..ContentRules.MaxMatchedTextLength]))
            .ToList();
        flags.AddRange(BankMatches(banks, hashes).Select(m => new AutomaticFlag(FlagSource.FeatureLibrary, m.ReasonCode, null, m.BankName, m)));
        flags.AddRange(LabelChecks.Failures(item.ExplicitLabel, item.ImplicitLabel, item.AigcLabel, item.DeclaredAiGenerated)
            .Select(code => new AutomaticFlag(FlagSource.LabelCheck, code, null, null)));
        return flags;
    }

    /// <summary>Each block bank any of the hashes matches, with the nearest of its entries.</summary>
    public static IEnumerable<BankMatch> BankMatches(HashBankMatcher banks, IReadOnlyList<ContentPerceptualHash> hashes) =>
        banks.IsEmpty ? [] : hashes.SelectMany(h => banks.Match(PdqHash.Parse(h.Hash))).GroupBy(m => m.BankId)
            .Select(g => g.OrderBy(m => m.Distance).ThenBy(m => m.EntryId).First());
}

/// <summary>What the platform changed in an item it sent before: field → { from, to }, as kept in <see cref="ContentItemChange"/>.</summary>
internal static class ContentChanges
{
    private sealed record Change(object? From, object? To);

    public static string? Between(ContentItem before, ContentItem after, string? hashesBefore = null, string? hashesAfter = null)
    {
        var changes = new Dictionary<string, Change>();
        void Compare<T>(string field, T from, T to)
        {
            if (!EqualityComparer<T>.Default.Equals(from, to)) changes[field] = new Change(from, to);
        }
        Compare("authorId", before.AuthorId, after.AuthorId);
        Compare("mediaType", before.MediaType, after.MediaType);
        Compare("category", before.Category, after.Category);
        Compare("excerpt", before.Excerpt, after.Excerpt);
        Compare("mediaUrl", before.MediaUrl, after.MediaUrl);
        Compare("contentHash", before.ContentHash, after.ContentHash);
        Compare("declaredAiGenerated", before.DeclaredAiGenerated, after.DeclaredAiGenerated);
        Compare("explicitLabelStatus", before.ExplicitLabel, after.ExplicitLabel);
        Compare("implicitLabelStatus", before.ImplicitLabel, after.ImplicitLabel);
        Compare("implicitLabel.label", before.AigcLabel, after.AigcLabel);
        Compare("implicitLabel.contentProducer", before.ContentProducer, after.ContentProducer);
        Compare("implicitLabel.produceId", before.ProduceId, after.ProduceId);
        Compare("implicitLabel.contentPropagator", before.ContentPropagator, after.ContentPropagator);
        Compare("implicitLabel.propagateId", before.PropagateId, after.PropagateId);
        Compare("implicitLabel.reservedCode1", before.ReservedCode1, after.ReservedCode1);
        Compare("implicitLabel.reservedCode2", before.ReservedCode2, after.ReservedCode2);
        Compare("publishedAt", before.PublishedAtUtc, after.PublishedAtUtc);
        Compare("perceptualHashes", hashesBefore, hashesAfter);
        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
