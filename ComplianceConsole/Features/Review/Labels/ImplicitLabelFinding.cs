namespace ComplianceConsole.Features.Review.Labels;

/// <summary>What <see cref="ImplicitLabelCheck"/> found wrong, localised as <c>ImplicitLabelCheck.{Code}</c> with its arguments.</summary>
public sealed record ImplicitLabelFinding(string Code, params string[] Arguments)
{
    public string MessageKey => $"ImplicitLabelCheck.{Code}";

    // Equal when code and arguments are, not when they share one array.
    public bool Equals(ImplicitLabelFinding? other) => other is not null && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Code, Arguments.Length);
}

public static class ImplicitLabelFindingCodes
{
    public const string Unreadable = "unreadable";
    public const string None = "none";
    public const string Several = "several";
    public const string Malformed = "malformed";
    public const string LabelInvalid = "label_invalid";
    public const string ProducerMissing = "producer_missing";
    public const string ProducerCreditCodeInvalid = "producer_credit_code_invalid";
    public const string ProducerNotOwn = "producer_not_own";
    public const string ProduceIdMissing = "produce_id_missing";
    public const string DeclaredMissing = "declared_missing";
    public const string ContradictsDeclaredHumanMade = "contradicts_declared_human_made";
    public const string LabelDiffersFromDeclared = "label_differs_from_declared";
    public const string ProducerDiffersFromDeclared = "producer_differs_from_declared";
    public const string ProduceIdDiffersFromDeclared = "produce_id_differs_from_declared";

    public static readonly IReadOnlyList<string> All =
    [
        Unreadable, None, Several, Malformed, LabelInvalid, ProducerMissing, ProducerCreditCodeInvalid, ProducerNotOwn,
        ProduceIdMissing, DeclaredMissing, ContradictsDeclaredHumanMade, LabelDiffersFromDeclared, ProducerDiffersFromDeclared,
        ProduceIdDiffersFromDeclared,
    ];
}
