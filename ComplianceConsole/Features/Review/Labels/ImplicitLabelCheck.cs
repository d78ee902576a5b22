using System.Globalization;
using ComplianceConsole.Identifiers;
using static ComplianceConsole.Features.Review.Labels.ImplicitLabelFindingCodes;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>
/// The implicit label read from the file, checked against GB 45438-2025 and against what the platform declared for the
/// item. Values from the file are compared exactly as written: a machine writes them, so a lower-case or padded code is
/// itself a fault.
/// </summary>
public static class ImplicitLabelCheck
{
    /// <param name="ownLabelingCode">The provider's 27-character labeling code when the item is the provider's own output, else null.</param>
    public static IReadOnlyList<ImplicitLabelFinding> Findings(ImplicitLabelReading reading, ContentItem declared, string? ownLabelingCode)
    {
        if (reading.Outcome != ImplicitLabelReadOutcome.Read) return [new(Unreadable, reading.Outcome.ToString())];
        if (reading.LabelCount == 0) return [new(None)];

        var findings = new List<ImplicitLabelFinding>();
        // Issue 25: exactly one implicit label; two copies, equal or not, leave a reader to guess which one counts.
        if (reading.LabelCount > 1) findings.Add(new(Several, reading.LabelCount.ToString(CultureInfo.InvariantCulture), string.Join(", ", reading.Places)));
        if (declared.ImplicitLabel == LabelStatus.Missing) findings.Add(new(DeclaredMissing));
        foreach (var label in reading.Labels) findings.AddRange(FindingsOf(label, declared, ownLabelingCode));
        // Copies of one label find the same faults: each is said once.
        return findings.Distinct().ToList();
    }

    private static IEnumerable<ImplicitLabelFinding> FindingsOf(FoundImplicitLabel label, ContentItem declared, string? ownLabelingCode)
    {
        var place = label.Place.ToString();
        if (label.Fields is not { } fields)
        {
            yield return new(Malformed, place, label.ParseError?.Code ?? "", label.ParseError?.Field ?? "");
            yield break;
        }

        // Appendix E: Label is 1 (AI-generated), 2 (possibly) or 3 (suspected).
        var aigcLabel = fields.Label switch { "1" => AigcLabel.AiGenerated, "2" => AigcLabel.PossiblyAiGenerated, "3" => AigcLabel.SuspectedAiGenerated, _ => (AigcLabel?)null };
        if (aigcLabel is null) yield return new(LabelInvalid, place, fields.Label ?? "");
        if (string.IsNullOrWhiteSpace(fields.ContentProducer)) yield return new(ProducerMissing, place);
        else if (CreditCodeError(fields.ContentProducer) is { } error) yield return new(ProducerCreditCodeInvalid, place, fields.ContentProducer, error.ToString());
        else if (ownLabelingCode is not null && fields.ContentProducer != ownLabelingCode) yield return new(ProducerNotOwn, place, fields.ContentProducer, ownLabelingCode);
        if (string.IsNullOrWhiteSpace(fields.ProduceId)) yield return new(ProduceIdMissing, place);

        if (aigcLabel == AigcLabel.AiGenerated && !declared.DeclaredAiGenerated) yield return new(ContradictsDeclaredHumanMade, place);
        if (aigcLabel is not null && declared.AigcLabel is { } declaredLabel && declaredLabel != aigcLabel)
            yield return new(LabelDiffersFromDeclared, place, ((int)declaredLabel).ToString(), fields.Label!);
        if (declared.ContentProducer is { } declaredProducer && fields.ContentProducer is { } producer && producer != declaredProducer)
            yield return new(ProducerDiffersFromDeclared, place, declaredProducer, producer);
        if (declared.ProduceId is { } declaredId && fields.ProduceId is { } produceId && produceId != declaredId)
            yield return new(ProduceIdDiffersFromDeclared, place, declaredId, produceId);
    }

    /// <summary>
    /// ContentProducer is the producer's name or code (Appendix E). A code is the 18-character credit code itself, or the
    /// 27-character labeling code of the TC260 practice guide with the credit code inside (<see cref="LabelingCode"/>); either must
    /// pass GB 32100's check character. A name is not checked.
    /// </summary>
    private static UnifiedSocialCreditCodeError? CreditCodeError(string producer) =>
        !producer.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) ? null
        : producer.Length == 18 ? UnifiedSocialCreditCode.Validate(producer)
        : producer.Length == LabelingCode.Length && producer.StartsWith("00", StringComparison.Ordinal) ? UnifiedSocialCreditCode.Validate(LabelingCode.CreditCodeIn(producer))
        : null;
}
