namespace ComplianceConsole.Features.Review;

/// <summary>The reason codes of the flags the label checks raise; each is localised as <c>LabelCheck.{code}</c>.</summary>
public static class LabelCheckCodes
{
    public const string ExplicitMissing = "label.explicit_missing";
    public const string ExplicitTampered = "label.explicit_tampered";
    public const string ImplicitMissing = "label.implicit_missing";
    public const string ImplicitTampered = "label.implicit_tampered";
    public const string ContradictsDeclaration = "label.contradicts_declaration";

    public static readonly IReadOnlyList<string> All = [ExplicitMissing, ExplicitTampered, ImplicitMissing, ImplicitTampered, ContradictsDeclaration];

    public static string NameKey(string code) => $"LabelCheck.{code}";
}

/// <summary>
/// The Labeling Measures and GB 45438-2025 as checks on an item: every AI-generated item carries an explicit label a
/// person perceives and an implicit one in its metadata, nobody may remove or alter either (Art. 18 of the Provisions),
/// and the implicit label's <c>Label</c> 1 says the content is AI-generated, whatever the user declared.
/// </summary>
public static class LabelChecks
{
    public static IReadOnlyList<string> Failures(LabelStatus explicitLabel, LabelStatus implicitLabel, AigcLabel? aigcLabel, bool declaredAiGenerated)
    {
        var failures = new List<string>(2);
        if (explicitLabel == LabelStatus.Missing) failures.Add(LabelCheckCodes.ExplicitMissing);
        if (explicitLabel == LabelStatus.Tampered) failures.Add(LabelCheckCodes.ExplicitTampered);
        if (implicitLabel == LabelStatus.Missing) failures.Add(LabelCheckCodes.ImplicitMissing);
        if (implicitLabel == LabelStatus.Tampered) failures.Add(LabelCheckCodes.ImplicitTampered);
        if (aigcLabel == AigcLabel.AiGenerated && !declaredAiGenerated) failures.Add(LabelCheckCodes.ContradictsDeclaration);
        return failures;
    }

    /// <summary>The state a case shows for its item: the worse of the two labels (tampered, then missing, then present).</summary>
    public static LabelStatus Worst(LabelStatus explicitLabel, LabelStatus implicitLabel) =>
        Severity(explicitLabel) >= Severity(implicitLabel) ? explicitLabel : implicitLabel;

    private static int Severity(LabelStatus status) => status switch
    {
        LabelStatus.Tampered => 2,
        LabelStatus.Missing => 1,
        _ => 0,
    };
}
