using System.Collections.Frozen;

namespace ComplianceConsole.Features.Review.Labels;

/// <summary>What <see cref="ImplicitLabelCheck"/> found wrong, localised as <c>ImplicitLabelCheck.{Code}</c> with its arguments.</summary>
public sealed record ImplicitLabelFinding(string Code, params string[] Arguments)
{
    public string MessageKey => $"ImplicitLabelCheck.{Code}";

    /// <summary>The argument that holds <paramref name="holds"/> as the finding's kind declares; null when it has none.</summary>
    public string? Argument(FindingArgument holds) =>
        ImplicitLabelFindingCodes.KindOf(Code) is { } kind && Array.IndexOf(kind.Arguments, holds) is var index and >= 0 && index < Arguments.Length
            ? Arguments[index] : null;

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

    /// <summary>Every kind of finding, with what each of its arguments holds.</summary>
    public static readonly IReadOnlyList<ImplicitLabelFindingKind> Kinds =
    [
        new(Unreadable, FindingArgument.ReadOutcome),
        new(None),
        new(Several, FindingArgument.Count, FindingArgument.Place),
        new(Malformed, FindingArgument.Place, FindingArgument.ParseError, FindingArgument.Field),
        new(LabelInvalid, FindingArgument.Place, FindingArgument.Text),
        new(ProducerMissing, FindingArgument.Place),
        new(ProducerCreditCodeInvalid, FindingArgument.Place, FindingArgument.Text, FindingArgument.CreditCodeError),
        new(ProducerNotOwn, FindingArgument.Place, FindingArgument.Text, FindingArgument.Text),
        new(ProduceIdMissing, FindingArgument.Place),
        new(DeclaredMissing),
        new(ContradictsDeclaredHumanMade, FindingArgument.Place),
        new(LabelDiffersFromDeclared, FindingArgument.Place, FindingArgument.Text, FindingArgument.Text),
        new(ProducerDiffersFromDeclared, FindingArgument.Place, FindingArgument.Text, FindingArgument.Text),
        new(ProduceIdDiffersFromDeclared, FindingArgument.Place, FindingArgument.Text, FindingArgument.Text),
    ];

    private static readonly FrozenDictionary<string, ImplicitLabelFindingKind> ByCode = Kinds.ToFrozenDictionary(k => k.Code);

    /// <summary>The kind with this code; null for a code no finding has.</summary>
    public static ImplicitLabelFindingKind? KindOf(string code) => ByCode.GetValueOrDefault(code);
}

/// <summary>A kind of finding: its code and what each of its arguments holds, in order.</summary>
public sealed record ImplicitLabelFindingKind(string Code, params FindingArgument[] Arguments);

/// <summary>What an argument of a finding holds, which says how the finding puts it in words (<see cref="ImplicitLabelFindingText"/>).</summary>
public enum FindingArgument
{
    /// <summary>A value shown as it is: read from the file or declared by the platform.</summary>
    Text,
    /// <summary>A number, kept in invariant digits ("2000") and shown as the reader's culture writes numbers ("2,000").</summary>
    Count,
    /// <summary>Where a label was found (an <see cref="ImplicitLabelPlace"/>), or for several labels each place, joined by ", ".</summary>
    Place,
    /// <summary>Why the file could not be read (an <see cref="ImplicitLabelReadOutcome"/>).</summary>
    ReadOutcome,
    /// <summary>Why a label's JSON could not be read (an <see cref="AigcJson"/> code).</summary>
    ParseError,
    /// <summary>The label's field a parse error concerns, empty when it concerns none.</summary>
    Field,
    /// <summary>What is wrong with a unified social credit code (an <see cref="Identifiers.UnifiedSocialCreditCodeError"/>).</summary>
    CreditCodeError,
}
