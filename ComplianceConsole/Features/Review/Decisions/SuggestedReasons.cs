namespace ComplianceConsole.Features.Review;

/// <summary>
/// The reason a case's flags already name, so the reviewer need not choose it again: a feature-library rule's reason, a
/// label check's (a missing label or one contradicting the declaration: label missing; an altered one: label tampered), or a
/// complaint's or notice's code when it is one of the taxonomy's. The most urgent flag that names one wins.
/// </summary>
public static class SuggestedReasons
{
    public static string? From(IEnumerable<CaseFlag> flags) =>
        flags.OrderBy(f => f.DueAtUtc).ThenBy(f => f.Id).Select(f => Of(f.ReasonCode)).FirstOrDefault(code => code is not null);

    public static string? Of(string? flagReason) => flagReason switch
    {
        LabelCheckCodes.ExplicitMissing or LabelCheckCodes.ImplicitMissing or LabelCheckCodes.ContradictsDeclaration => "label_missing",
        LabelCheckCodes.ExplicitTampered or LabelCheckCodes.ImplicitTampered => "label_tampered",
        _ => ReviewReasonCodes.Find(flagReason)?.Code,
    };
}
