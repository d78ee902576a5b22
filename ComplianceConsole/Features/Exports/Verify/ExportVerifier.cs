using System.Globalization;
using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports.Signing;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Verify;

/// <summary>What a file is, answered from its signature and the export history together. The names are an API contract: never rename one.</summary>
public enum ExportVerdict
{
    /// <summary>Byte for byte a file in the export history.</summary>
    Unaltered,

    /// <summary>
    /// Not the file as exported (re-saved by a spreadsheet program), but its cover is signed by this console's key, the
    /// cover is the history's record of that export, and the data still gives the digest the signed cover states.
    /// </summary>
    Resaved,

    /// <summary>
    /// The data gives the digest its cover states, but the cover is not this console's signed record of an export: no
    /// signature, a signature of another key, one that does not match the cover (edited after signing, or a digest
    /// recomputed), or a cover that differs from the history's record of the export number it names.
    /// </summary>
    NotSignedByThisConsole,

    /// <summary>Its data no longer gives the digest its cover states.</summary>
    Altered,

    /// <summary>A workbook, but without an export's cover.</summary>
    NotAnExport,

    /// <summary>Not an .xlsx workbook at all.</summary>
    NotAWorkbook,

    TooLarge,

    /// <summary>Small enough, but it unpacks past the file limits (a zip bomb): not opened.</summary>
    UnpacksTooLarge,
}

/// <summary>Why a cover is not this console's signed record of an export (<see cref="ExportVerdict.NotSignedByThisConsole"/>).</summary>
public enum ExportSignatureProblem
{
    /// <summary>The cover carries no signature (an export from before signing, or the row was removed).</summary>
    Missing,

    /// <summary>The cover names another signing key: another installation's file, or a forged one.</summary>
    OtherKey,

    /// <summary>The cover names this console's key, but the signature does not match the cover: it was edited after signing.</summary>
    Invalid,

    /// <summary>The signature is genuine, but the export number it names is not in this console's history.</summary>
    NotInHistory,

    /// <summary>The signature is genuine, but the cover differs from the history's record of that export.</summary>
    CoverDiffers,
}

/// <summary>The history entry a file is, or the one its cover names.</summary>
public sealed record ExportMatch(long Id, ExportKind Kind, string RequestedByName, DateTime RequestedAtUtc, DateTime FromUtc, DateTime ToUtc);

/// <summary>
/// The answer for one file. <see cref="Export"/> is the export the file is (<see cref="ExportVerdict.Unaltered"/>,
/// <see cref="ExportVerdict.Resaved"/>) or else the history's export with the number its cover names, if any;
/// <see cref="DifferingCoverFields"/> are the cover labels whose values differ from the history's record of that export.
/// </summary>
public sealed record ExportVerification(
    ExportVerdict Verdict, string? FileSha256, string? CoverDigest, string? DataDigest, ExportMatch? Export,
    ExportSignatureProblem? SignatureProblem = null, IReadOnlyList<string>? DifferingCoverFields = null);

/// <summary>
/// Tells what an uploaded workbook is: first by the file's SHA-256 against the history; then by recomputing its data
/// digest against the one its cover states, checking the cover's signature with this console's key, and comparing the
/// cover with the history's record of the export number it names. The upload is held in an owner-only scratch file only
/// while it is checked.
/// </summary>
public sealed class ExportVerifier(
    IDbContextFactory<AppDbContext> contextFactory, ExportEngine engine, ExportSigner signer, ExportsOptions options, DataFolder dataFolder,
    Microsoft.Extensions.Options.IOptions<Security.Files.FileLimitsOptions> fileLimits)
{
    public long MaxBytes => options.MaxVerifyBytes;

    public async Task<ExportVerification> VerifyAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        EncryptedFiles.CreateOwnerOnlyFolder(dataFolder.File("staging"));
        var scratch = dataFolder.File(Path.Combine("staging", $"verify-{Guid.NewGuid():N}.tmp"));
        try
        {
            var sha256 = await CopyAsync(upload, scratch, cancellationToken);
            if (sha256 is null) return new(ExportVerdict.TooLarge, null, null, null, null);
            if (await FindAsync(e => e.FileSha256 == sha256, cancellationToken) is { } exported)
            {
                return new(ExportVerdict.Unaltered, sha256, exported.DataDigest, exported.DataDigest, exported.Match);
            }

            ExportWorkbookRead read;
            try
            {
                await using var file = File.OpenRead(scratch);
                var inspection = await Task.Run(() => Security.Files.SafeZip.Inspect(file, fileLimits.Value), cancellationToken);
                if (inspection is { Accepted: false, RefusalKey: not Security.Files.SafeZip.NotAPackage }) return new(ExportVerdict.UnpacksTooLarge, sha256, null, null, null);
                file.Position = 0;
                read = ExportWorkbookReader.Read(file);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever a broken or hostile file makes the reader throw, the answer is the same: not a workbook we can read.
                return new(ExportVerdict.NotAWorkbook, sha256, null, null, null);
            }
            if (read.CoverValue(engine.DigestLabel) is not { Length: 64 } coverDigest) return new(ExportVerdict.NotAnExport, sha256, null, read.DataDigest, null);

            var named = long.TryParse(read.CoverValue(engine.ExportNumberLabel), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? await FindAsync(e => e.Id == number, cancellationToken)
                : null;
            if (read.DataDigest != coverDigest) return new(ExportVerdict.Altered, sha256, coverDigest, read.DataDigest, named?.Match);

            var coverText = ExportCoverText.Of(read.Cover, engine.SignatureLabel);
            var differing = named?.CoverText is { } recorded ? ExportCoverText.DifferingLabels(recorded, coverText) : null;
            var problem = SignatureProblemOf(read, coverText, named, differing);
            return problem is null
                ? new(ExportVerdict.Resaved, sha256, coverDigest, read.DataDigest, named!.Match)
                : new(ExportVerdict.NotSignedByThisConsole, sha256, coverDigest, read.DataDigest, named?.Match, problem, differing ?? []);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    private ExportSignatureProblem? SignatureProblemOf(ExportWorkbookRead read, string coverText, Recorded? named, IReadOnlyList<string>? differing)
    {
        if (read.CoverValue(engine.SignatureLabel) is not { Length: > 0 } signature) return ExportSignatureProblem.Missing;
        if (!signer.VerifyText(coverText, signature))
        {
            return read.CoverValue(engine.SigningKeyLabel) == signer.Fingerprint ? ExportSignatureProblem.Invalid : ExportSignatureProblem.OtherKey;
        }
        if (named is null) return ExportSignatureProblem.NotInHistory;
        return differing is [] ? null : ExportSignatureProblem.CoverDiffers;
    }

    /// <summary>Copies the upload while hashing it; null when it is larger than allowed.</summary>
    private async Task<string?> CopyAsync(Stream upload, string path, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = EncryptedFiles.CreateOwnerOnly(path, FileMode.CreateNew);
        var buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes) return null;
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed record Recorded(ExportMatch Match, string? DataDigest, string? CoverText);

    private async Task<Recorded?> FindAsync(System.Linq.Expressions.Expression<Func<ExportJob, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.ExportJobs.AsNoTracking().Where(which).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Kind, e.RequestedByName, e.RequestedAtUtc, e.FromUtc, e.ToUtc, e.DataDigest, e.CoverText })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new(new ExportMatch(found.Id, found.Kind, found.RequestedByName, found.RequestedAtUtc, found.FromUtc, found.ToUtc), found.DataDigest, found.CoverText);
    }
}
