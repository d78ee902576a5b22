namespace ComplianceConsole.Features.Review.Labels;

/// <summary>Bounds on what <see cref="ImplicitLabelReader"/> reads, so a hostile file costs little.</summary>
public sealed record ImplicitLabelReaderOptions
{
    /// <summary>Files larger than this are not read at all.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>A PNG whose compressed text inflates past this is not read (see <see cref="CompressedPngText"/>).</summary>
    public long MaxInflatedTextBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>
    /// XML in a file (or in text MetadataExtractor puts together from it) that may nest deeper than this is not read
    /// (<see cref="MarkupNesting"/>): XMP as written nests some ten levels, and at about 27 reading it takes seconds.
    /// </summary>
    public int MaxMarkupDepth { get; init; } = 24;

    /// <summary>XML that may hold more elements than this, in one document, is not read: each costs memory once parsed.</summary>
    public int MaxMarkupElements { get; init; } = 100_000;

    /// <summary>
    /// A label's JSON longer than this is reported as too long, not parsed. The seven fields of GB 45438-2025 Appendix E
    /// fit easily; the platform's own limit per field is <see cref="ContentRules.MaxLabelFieldLength"/>.
    /// </summary>
    public int MaxLabelChars { get; init; } = 8 * 1024;

    /// <summary>
    /// Labels past this many are counted, not kept: a file should carry one, several are a finding already, and thousands of
    /// copies (a PNG may hold as many text chunks as it likes) would otherwise be stored and shown with every reading.
    /// </summary>
    public int MaxLabelsKept { get; init; } = 16;
}
