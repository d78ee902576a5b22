namespace ComplianceConsole.Features.Review.Labels;

/// <summary>Where in a file an implicit label was found.</summary>
public enum ImplicitLabelPlace
{
    /// <summary>The XMP property <c>TC260:AIGC</c>, in whatever container carries the XMP packet.</summary>
    Xmp = 1,
    /// <summary>A PNG text chunk (tEXt, zTXt or iTXt) with the keyword <c>AIGC</c>.</summary>
    PngText = 2,
    /// <summary>The EXIF <c>UserComment</c>.</summary>
    Exif = 3,
}

/// <summary>The fields of GB 45438-2025's <c>AIGC</c> object (Appendix E), as the file carries them.</summary>
public sealed record AigcFields(
    string? Label, string? ContentProducer, string? ProduceId, string? ReservedCode1,
    string? ContentPropagator, string? PropagateId, string? ReservedCode2);

/// <summary>Why a label's JSON gave no fields: one of <see cref="AigcJson"/>'s codes, and the field it concerns.</summary>
public sealed record AigcParseError(string Code, string? Field = null);

/// <summary>One implicit label in a file: where, its raw JSON, and either its fields or why they could not be read.</summary>
public sealed record FoundImplicitLabel(ImplicitLabelPlace Place, string RawJson, AigcFields? Fields, AigcParseError? ParseError);

public enum ImplicitLabelReadOutcome
{
    Read = 1,
    /// <summary>Larger than <see cref="ImplicitLabelReaderOptions.MaxFileBytes"/>, or its compressed text than
    /// <see cref="ImplicitLabelReaderOptions.MaxInflatedTextBytes"/>: not read.</summary>
    TooLarge = 2,
    /// <summary>Not a format MetadataExtractor knows.</summary>
    UnknownFileType = 3,
    /// <summary>MetadataExtractor gave up on the file (truncated or corrupt beyond what it tolerates).</summary>
    Unreadable = 4,
    /// <summary>XML in it may nest deeper, or hold more elements, than the reader allows: not read (<see cref="MarkupNesting"/>).</summary>
    TooDeeplyNested = 6,
}

/// <summary>
/// What reading a file found: its type as MetadataExtractor detected it, and its implicit labels: the first
/// <see cref="ImplicitLabelReaderOptions.MaxLabelsKept"/> of them kept, all of them counted in <see cref="LabelCount"/>, and the
/// places where any was found in <see cref="Places"/>.
/// </summary>
public sealed record ImplicitLabelReading(ImplicitLabelReadOutcome Outcome, string? FileType, IReadOnlyList<FoundImplicitLabel> Labels)
{
    public int LabelCount { get; init; } = Labels.Count;

    public IReadOnlyList<ImplicitLabelPlace> Places { get; init; } = [.. Labels.Select(l => l.Place).Distinct()];
}
