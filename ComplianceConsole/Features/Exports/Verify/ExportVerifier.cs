using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Exports.Verify;

public enum ExportVerdict
{
    /// <summary>Byte for byte a file in the export history.</summary>
    Unaltered,

    /// <summary>Not the file as exported (re-saved, renamed sheets, other styling), but its data still gives the digest on its cover.</summary>
    DataUnaltered,

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

/// <summary>The history entry a file (or its data) came from.</summary>
public sealed record ExportMatch(long Id, ExportKind Kind, string RequestedByName, DateTime RequestedAtUtc, DateTime FromUtc, DateTime ToUtc);

public sealed record ExportVerification(ExportVerdict Verdict, string? FileSha256, string? CoverDigest, string? DataDigest, ExportMatch? Export);

/// <summary>
/// Tells whether an uploaded workbook is an unaltered export: first by the file's SHA-256 against the history, then by
/// recomputing its data digest and comparing it with the one its cover states. The upload is held in an owner-only
/// scratch file only while it is checked.
/// </summary>
public sealed class ExportVerifier(IDbContextFactory<AppDbContext> contextFactory, ExportEngine engine, ExportsOptions options, DataFolder dataFolder,
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
            if (await FindAsync(e => e.FileSha256 == sha256, cancellationToken) is { } exported) return new(ExportVerdict.Unaltered, sha256, exported.Digest, exported.Digest, exported.Match);

            ExportWorkbookDigests digests;
            try
            {
                await using var file = File.OpenRead(scratch);
                var inspection = await Task.Run(() => Security.Files.SafeZip.Inspect(file, fileLimits.Value), cancellationToken);
                if (inspection is { Accepted: false, RefusalKey: not Security.Files.SafeZip.NotAPackage }) return new(ExportVerdict.UnpacksTooLarge, sha256, null, null, null);
                file.Position = 0;
                digests = ExportWorkbookReader.Read(file, engine.DigestLabel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever a broken or hostile file makes the reader throw, the answer is the same: not a workbook we can read.
                return new(ExportVerdict.NotAWorkbook, sha256, null, null, null);
            }
            if (digests.CoverDigest is not { Length: 64 } cover) return new(ExportVerdict.NotAnExport, sha256, null, digests.DataDigest, null);
            var origin = (await FindAsync(e => e.DataDigest == cover, cancellationToken))?.Match;
            return new(digests.DataDigest == cover ? ExportVerdict.DataUnaltered : ExportVerdict.Altered, sha256, cover, digests.DataDigest, origin);
        }
        finally
        {
            File.Delete(scratch);
        }
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

    private async Task<(ExportMatch Match, string? Digest)?> FindAsync(System.Linq.Expressions.Expression<Func<ExportJob, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.ExportJobs.AsNoTracking().Where(which).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Kind, e.RequestedByName, e.RequestedAtUtc, e.FromUtc, e.ToUtc, e.DataDigest })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (new ExportMatch(found.Id, found.Kind, found.RequestedByName, found.RequestedAtUtc, found.FromUtc, found.ToUtc), found.DataDigest);
    }
}
