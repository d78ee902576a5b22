using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Localization;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports;

/// <summary>
/// One export to write: the request, who asked and when (the cover's "generated at": taken from the request, never
/// the clock, so the same export written again gives the same bytes), its number in the history and why PII is unmasked.
/// </summary>
public sealed record ExportRun(ExportRequest Request, long ExportId, string RequestedByName, DateTime RequestedAtUtc, int RowsPerSheet, string? UnmaskReason);

/// <summary>Builds an export's workbook from its kind's <see cref="IExportSource"/>: the cover, the bilingual headers, the rows.</summary>
public sealed class ExportEngine(IEnumerable<IExportSource> sources, IDbContextFactory<AppDbContext> contextFactory, AuditCheckpoints checkpoints,
    AuditChain chain, ExportTexts texts, PiiProtector pii, Signing.ExportSigner signer)
{
    private const int ReadAheadRows = 1_000;

    public IReadOnlyList<IExportSource> Sources { get; } = sources.OrderBy(s => s.Kind).ToList();

    public IExportSource? SourceOf(ExportKind kind) => Sources.FirstOrDefault(s => s.Kind == kind);

    /// <summary>The cover label whose value is the data digest; the verifier finds the digest by it.</summary>
    public string DigestLabel => texts.Bilingual("ExportCover.DataDigest");

    /// <summary>The cover label whose value is the signature (base64 of DER) over the rest of the cover.</summary>
    public string SignatureLabel => texts.Bilingual("ExportCover.Signature");

    public string ExportNumberLabel => texts.Bilingual("ExportCover.ExportNumber");

    /// <summary>The cover label whose value is the fingerprint of the key that signed it.</summary>
    public string SigningKeyLabel => texts.Bilingual("ExportCover.SigningKey");

    public Task<ExportWorkbookWritten> WriteAsync(ExportRun run, Stream destination, Func<long, Task>? progress, CancellationToken cancellationToken) =>
        WriteAsync(run, SourceOf(run.Request.Kind) ?? throw new InvalidOperationException($"No export source for {run.Request.Kind}."),
            destination, progress, cancellationToken);

    /// <summary>Writes the rows of <paramref name="source"/> (the benchmark passes one cut to a number of rows).</summary>
    public async Task<ExportWorkbookWritten> WriteAsync(ExportRun run, IExportSource source, Stream destination, Func<long, Task>? progress,
        CancellationToken cancellationToken)
    {
        // Registers read from the audit chain: an event committed a moment ago and still waiting to be chained belongs in them.
        await chain.ChainWaitingAsync(cancellationToken);
        var upperBound = await source.CountAsync(run.Request, cancellationToken);
        var content = new ExportWorkbookContent(
            texts.KindName(source.Kind), run.RequestedByName, run.RequestedAtUtc, await CoverAsync(run, source, cancellationToken), source.Columns,
            source.Columns.Select(c => texts.Bilingual($"ExportColumn.{c.Key}")).ToList(), upperBound, run.RowsPerSheet);
        // Three stages, each on a thread of its own: reading (the database), opening (decryption and masking), writing (cells,
        // digest, compression, sealing), so that whichever two have work keep both cores busy.
        var rows = SealedCell.OpenAllAsync(source.ReadAsync(run.Request, cancellationToken).ReadAheadAsync(ReadAheadRows, cancellationToken), pii, cancellationToken);
        if (!run.Request.Unmasked) rows = MaskedFreeText.MaskAsync(rows, source.Columns, cancellationToken);
        return await ExportWorkbookWriter.WriteAsync(content, rows.ReadAheadAsync(ReadAheadRows, cancellationToken), destination, signer, progress, cancellationToken);
    }

    private async Task<IReadOnlyList<ExportCoverLine>> CoverAsync(ExportRun run, IExportSource source, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var provider = await db.ProviderSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var request = run.Request;
        ExportCoverLine Line(string key, string value) => new(texts.Bilingual($"ExportCover.{key}"), value);
        var days = ExportPeriods.ChosenDays(request.FromUtc, request.ToUtc);
        return
        [
            Line("Provider", Common.Display.OrDash(provider?.ProviderName)),
            Line("CreditCode", Common.Display.OrDash(provider?.UnifiedSocialCreditCode)),
            Line("LabelingCode", Common.Display.OrDash(provider?.LabelingCode)),
            Line("FilingNumbers", provider is { AlgorithmFilingNumbers.Count: > 0 } ? string.Join("\n", provider.AlgorithmFilingNumbers) : Common.Display.Dash),
            Line("Kind", texts.KindName(source.Kind)),
            Line("Article", source.Article),
            Line("Period", texts.Bilingual("ExportCover.PeriodValue", days.FirstDay, days.LastDay)),
            Line("TimeZone", texts.Bilingual("ExportCover.TimeZoneValue")),
            Line("Filters", Filters(source, request.Filters)),
            Line("Masking", request.Unmasked
                ? texts.Bilingual("ExportCover.Unmasked") + "\n" + (run.UnmaskReason ?? "")
                : texts.Bilingual("ExportCover.Masked")),
            Line("GeneratedAt", ChinaTime.Format(run.RequestedAtUtc) + " (UTC+8)"),
            Line("GeneratedBy", run.RequestedByName),
            Line("ExportNumber", run.ExportId.ToString(CultureInfo.InvariantCulture)),
            Line("RowsPerSheet", run.RowsPerSheet.ToString("N0", CultureInfo.InvariantCulture)),
            Line("RowCount", ExportWorkbookWriter.RowCountPlaceholder),
            Line("DataDigest", ExportWorkbookWriter.DigestPlaceholder),
            Line("DigestMethod", texts.Bilingual("ExportCover.DigestMethodValue")),
            Line("AuditCheckpoint", await CheckpointAsync(request.ToUtc, cancellationToken)),
            Line("SigningKey", signer.Fingerprint),
            Line("SignatureMethod", texts.Bilingual("ExportCover.SignatureMethodValue")),
            Line("Signature", ExportWorkbookWriter.SignaturePlaceholder),
        ];
    }

    private string Filters(IExportSource source, IReadOnlyDictionary<string, string> filters)
    {
        if (filters.Count == 0) return texts.Bilingual("ExportCover.NoFilters");
        return string.Join("\n", filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
        {
            var option = source.Filters.FirstOrDefault(x => x.Key == f.Key)?.Options.FirstOrDefault(o => o.Value == f.Value);
            return $"{texts.Bilingual($"ExportFilter.{f.Key}")}: {(option is null ? f.Value : texts.Bilingual(option.LabelKey))}";
        }));
    }

    /// <summary>The audit chain's newest genuine signed checkpoint at or before the period's end, so a past period's cover never changes.</summary>
    private async Task<string> CheckpointAsync(DateTime periodEndUtc, CancellationToken cancellationToken)
    {
        var trusted = await checkpoints.TrustedKeysAsync(cancellationToken);
        // Newest first, so only the newest genuine one is checked, not every signature the history holds.
        var checkpoint = (await checkpoints.ReadAllAsync(cancellationToken))
            .Where(c => c.CreatedAtUtc <= periodEndUtc)
            .OrderByDescending(c => (c.CreatedAtUtc, c.Sequence))
            .FirstOrDefault(c => checkpoints.IsGenuine(c, trusted));
        return checkpoint is null
            ? texts.Bilingual("ExportCover.NoCheckpoint")
            : texts.Bilingual("ExportCover.CheckpointValue", checkpoint.Sequence, checkpoint.Hash, ChinaTime.Format(checkpoint.CreatedAtUtc));
    }
}
